/**
 * `sagemaker.showRunning`: the pick of what runs (from the status item, or the palette). Each can
 * be opened (its button), or several stopped at once after one confirmation: a space's app with
 * DeleteApp, a notebook instance with StopNotebookInstance, a tracking server with
 * StopMlflowTrackingServer, with progress; a scan follows. The reminder's buttons come here too,
 * with what to open or stop as the argument. Loaded with the commands (dist/commands.js).
 */
import * as vscode from 'vscode';
import type { Space } from '../aws/index';
import type { ExtensionServices, RunningItem } from '../context';
import { UserFacingError } from '../errors';
import { openRef } from '../links/commands';
import type { EnvRef } from '../links/kinds';
import { kindWord, priceText, runningName, runningSummary } from './describe';

/** What the reminder asks for; without it, the pick. */
export type ShowRunningArg = { readonly open: RunningItem } | { readonly stop: readonly RunningItem[] } | undefined;

type Choice = { open: RunningItem } | { stop: RunningItem };

export function showRunning(s: ExtensionServices) {
  return async (arg?: ShowRunningArg): Promise<void> => {
    if (arg && 'open' in arg) {
      return openRunning(s, arg.open);
    }
    if (arg && 'stop' in arg) {
      return stopRunning(s, arg.stop);
    }
    if (s.running.scannedAt === undefined) {
      await s.running.scanNow('the pick of running environments');
    }
    const now = Date.now();
    const chosen = await s.prompter().pickMany<Choice>({
      title: 'Running SageMaker environments',
      placeholder: s.running.items.length ? 'Select the ones to stop (Enter), or open one with its button' : 'Nothing is running in the regions of the view',
      items: s.running.items.map((i) => ({
        label: i.name,
        description: [kindWord(i), i.region, priceText(i)].filter(Boolean).join(' · '),
        detail: runningSummary(i, now),
        value: { stop: i },
        buttons: [{ iconPath: new vscode.ThemeIcon('link-external'), tooltip: 'Open', value: { open: i } }],
      })),
    });
    if (!chosen || chosen.length === 0) {
      return;
    }
    const open = chosen.find((c): c is { open: RunningItem } => 'open' in c);
    if (open) {
      return openRunning(s, open.open);
    }
    return stopRunning(s, chosen.flatMap((c) => ('stop' in c ? [c.stop] : [])));
  };
}

async function openRunning(s: ExtensionServices, i: RunningItem): Promise<void> {
  let ref: EnvRef;
  if (i.kind === 'space') {
    if (!i.domainId) {
      throw new UserFacingError(`The space ${i.name} has no domain named; refresh the view and open it there.`);
    }
    // A private space opens through its owner (the resolver's DescribeSpace says who); a shared one through any profile of its domain.
    const profiles = await s.session.access().listUserProfiles(i.region, i.domainId, { maxResults: 1 });
    const profile = profiles.items[0]?.userProfileName;
    if (!profile) {
      throw new UserFacingError(`The domain ${i.domainId} has no user profile to open the space ${i.name} with.`);
    }
    ref = { kind: 'space', region: i.region, domain: i.domainId, profile, space: i.name };
  } else {
    ref = { kind: i.kind, region: i.region, name: i.name };
  }
  await openRef(s, ref, {}, 'open');
}

async function stopOne(s: ExtensionServices, i: RunningItem): Promise<void> {
  const access = s.session.access();
  switch (i.kind) {
    case 'space': {
      const space: Space = {
        region: i.region,
        domainId: i.domainId ?? '',
        spaceName: i.name,
        appState: 'Running',
        app: { appName: i.appName ?? 'default', appType: i.appType ?? '', status: 'InService' },
      };
      return access.stopSpace(i.region, space);
    }
    case 'notebook':
      return access.stopNotebookInstance(i.region, i.name);
    case 'mlflowTrackingServer':
      return access.stopMlflowTrackingServer(i.region, i.name);
  }
}

async function stopRunning(s: ExtensionServices, items: readonly RunningItem[]): Promise<void> {
  if (items.length === 0) {
    return;
  }
  const what = items.length === 1 ? runningName(items[0]) : `these ${items.length} environments: ${items.map(runningName).join(', ')}`;
  const answer = await s.prompter().message('warning', `Stop ${what}? Unsaved work in them may be lost.`, ['Stop'], true);
  if (answer !== 'Stop') {
    return;
  }
  const failed: string[] = [];
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Stopping SageMaker environments' }, async (progress) => {
    for (const [n, i] of items.entries()) {
      progress.report({ message: `${runningName(i)} (${n + 1} of ${items.length})`, increment: 100 / items.length });
      try {
        await stopOne(s, i);
        s.log.info(`Stopping ${runningName(i)}`);
      } catch (e) {
        s.log.error(`Stopping ${runningName(i)}`, e);
        failed.push(`${runningName(i)}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  });
  void s.running.scanNow('after Stop');
  // The rows of the view follow: what stopped is read again.
  s.tree.refresh();
  if (failed.length > 0) {
    throw new UserFacingError(`Could not stop ${failed.length === 1 ? '' : `${failed.length} environments: `}${failed.join('; ')}`);
  }
}
