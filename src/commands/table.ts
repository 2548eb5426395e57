/**
 * The commands' implementations and the vscode:// link handler's: dist/commands.js in the bundle,
 * loaded on the first command or link (./index.ts), not at activation.
 */
import type { ExtensionServices } from '../context';
import { copyLink } from '../links/commands';
import { clearRecent, openRecent } from '../recent/commands';
import { connectSpace } from '../remote/connect';
import { showRunning } from '../running/pick';
import type { Node } from '../tree/nodes';
import type { CommandId } from './ids';
import { resolveStartStopTarget, transition } from './lifecycle';
import { copyCliCommand, openWithOptions, urlCommand } from './urls';
import * as view from './view';

export { openLink } from '../links/commands';
export { refreshInstall } from '../remote/sshConfig';
export { ClipboardExpiry } from '../clipboardExpiry';
export { showPick } from '../quickPick';
export { RecentList } from '../recent/store';
export { startRunning } from '../running/start';
export { showError } from '../errorMessage';
export { StatePoller } from '../tree/poller';
export { snapshotTree } from '../tree/lastKnownSnapshot';
export { writeTree } from '../lastKnown/write';

export type Handler = (...args: never[]) => Promise<unknown>;

function startStop(s: ExtensionServices, action: 'start' | 'stop') {
  return async (node?: Node): Promise<void> => {
    const t = await resolveStartStopTarget(s, node, action === 'start' ? 'Start' : 'Stop');
    if (t) {
      await transition(s, t, action);
    }
  };
}

/** Every command of the extension, by id (those of ./ids.ts, no more, no fewer: the type says so). */
export function commandTable(s: ExtensionServices): Record<CommandId, Handler> {
  return {
    'sagemaker.openStudio': urlCommand(s, 'studio', 'open'),
    'sagemaker.copyStudioUrl': urlCommand(s, 'studio', 'copy'),
    'sagemaker.openSpace': urlCommand(s, 'space', 'open'),
    'sagemaker.copySpaceUrl': urlCommand(s, 'space', 'copy'),
    'sagemaker.openNotebookJupyterLab': urlCommand(s, 'notebook', 'open', { ui: 'JupyterLab' }),
    'sagemaker.openNotebookJupyter': urlCommand(s, 'notebook', 'open', { ui: 'Jupyter' }),
    'sagemaker.copyNotebookUrl': urlCommand(s, 'notebook', 'copy', { ui: 'JupyterLab' }),
    'sagemaker.openMlflowTrackingServer': urlCommand(s, 'mlflowTrackingServer', 'open'),
    'sagemaker.copyMlflowTrackingServerUrl': urlCommand(s, 'mlflowTrackingServer', 'copy'),
    'sagemaker.openMlflowApp': urlCommand(s, 'mlflowApp', 'open'),
    'sagemaker.copyMlflowAppUrl': urlCommand(s, 'mlflowApp', 'copy'),
    'sagemaker.openPartnerApp': urlCommand(s, 'partnerApp', 'open'),
    'sagemaker.copyPartnerAppUrl': urlCommand(s, 'partnerApp', 'copy'),
    'sagemaker.openWithOptions': openWithOptions(s),
    'sagemaker.copyCliCommand': copyCliCommand(s),
    'sagemaker.copyLink': copyLink(s),
    'sagemaker.openRecent': openRecent(s),
    'sagemaker.clearRecent': clearRecent(s),
    'sagemaker.copyId': view.copyId(s, 'id'),
    'sagemaker.copyArn': view.copyId(s, 'arn'),
    'sagemaker.start': startStop(s, 'start'),
    'sagemaker.stop': startStop(s, 'stop'),
    'sagemaker.connectSpace': connectSpace(s),
    'sagemaker.showRunning': showRunning(s),
    'sagemaker.refresh': view.refresh(s),
    'sagemaker.refreshNode': view.refreshNode(s),
    'sagemaker.loadMore': view.loadMore(s),
    'sagemaker.retry': view.retry(s),
    'sagemaker.filter': view.filter(s),
    'sagemaker.clearFilter': view.clearFilter(s),
    'sagemaker.selectProfile': view.selectProfile(s),
    'sagemaker.selectRegions': view.selectRegions(s),
    'sagemaker.openSettings': view.openSettingsCommand(),
    'sagemaker.signIn': view.signIn(s),
    'sagemaker.showLog': view.showLog(s),
  };
}
