import * as vscode from 'vscode';
import { listProfileNames, ssoLoginWords } from '../aws/index';
import type { ExtensionServices } from '../context';
import { UserFacingError } from '../errors';
import { runInTerminal } from '../terminal';
import { SETTING, openSettings, readAwsSettings, updateSetting } from '../settings';
import { isListNode, type Node } from '../tree/nodes';
import { RESOURCES, targetSpec, type CopyFields, type ResourceKind } from '../kinds/index';
import { filterHow } from '../tree/filter';
import { nameFilters } from '../tree/groups';
import { icon } from '../tree/presentation';
import { askTarget, pickDomain, pickRegion, targetFromNode, type UrlTarget } from './targets';

/** Regions where SageMaker Studio and notebook instances are offered (commercial partition). */
export const KNOWN_REGIONS: readonly string[] = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-northeast-1', 'ap-northeast-2',
  'ap-northeast-3', 'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2',
  'eu-west-3', 'eu-south-1', 'eu-south-2', 'eu-north-1', 'il-central-1', 'me-south-1', 'me-central-1', 'sa-east-1',
];

export function refresh(s: ExtensionServices) {
  return (): Promise<void> => {
    // Starts over from the files: the regions and the profile's configuration are read again
    // (the user may have edited ~/.aws/config), and new SDK clients read the credentials afresh.
    s.session.reset();
    s.tree.refresh();
    return Promise.resolve();
  };
}

export function refreshNode(s: ExtensionServices) {
  return async (node?: Node): Promise<void> => {
    if (!node) {
      return refresh(s)();
    }
    await s.tree.refreshNode(node);
  };
}

export function loadMore(s: ExtensionServices) {
  return async (node?: Node): Promise<void> => {
    if (node?.kind === 'loadMore' || isListNode(node)) {
      await s.tree.loadMore(node);
    }
  };
}

export function retry(s: ExtensionServices) {
  return (node?: Node): Promise<void> => {
    if (node?.kind === 'error') {
      s.tree.retry(node);
    } else {
      s.tree.refresh();
    }
    return Promise.resolve();
  };
}

export function filter(s: ExtensionServices) {
  return async (): Promise<void> => {
    const p = s.prompter();
    const text = await p.input({
      title: 'Filter SageMaker resources by name (1/2)',
      prompt: 'Show only the rows whose name contains this text (empty shows all); next, choose the lists it applies to',
      value: s.tree.filter ?? '',
      validate: (v) => (v.length > 63 ? 'A filter is at most 63 characters.' : undefined),
    });
    if (text === undefined) {
      return;
    }
    if (!text.trim()) {
      s.tree.setFilter(undefined);
      return;
    }
    // Which lists: each says whether SageMaker filters it (all of it) or only the rows loaded are.
    const current = s.tree.filterLists;
    const scope = await p.pickMany<string>({
      title: `Filter "${text.trim()}": which lists (2/2)`,
      placeholder: 'The lists to filter by name',
      items: nameFilters().map((f) => ({ label: f.label, description: filterHow(f), value: f.key, picked: current.has(f.key) })),
    });
    if (scope === undefined) {
      return;
    }
    if (scope.length === 0) {
      throw new UserFacingError('Choose at least one list for the filter to apply to; the filter was not changed.');
    }
    s.tree.setFilter(text, scope);
  };
}

export function clearFilter(s: ExtensionServices) {
  return (): Promise<void> => {
    s.tree.setFilter(undefined);
    return Promise.resolve();
  };
}

const DEFAULT_CHAIN = '\u0000default';

export function selectProfile(s: ExtensionServices) {
  return async (): Promise<void> => {
    const current = readAwsSettings().profile;
    const names = await listProfileNames();
    const chosen = await s.prompter().pick<string>({
      title: 'AWS profile',
      placeholder: names.length ? 'Select the profile whose credentials to use' : 'No profiles found in ~/.aws/config or ~/.aws/credentials',
      items: [
        { label: 'Default credential chain', description: current === undefined ? 'current' : 'environment, SSO, instance role…', value: DEFAULT_CHAIN, iconPath: icon('key') },
        ...names.map((n) => ({ label: n, description: n === current ? 'current' : undefined, value: n, iconPath: icon('account') })),
      ],
    });
    if (chosen === undefined) {
      return;
    }
    await updateSetting(SETTING.profile, chosen === DEFAULT_CHAIN ? '' : chosen);
    s.log.info(`Profile set to ${chosen === DEFAULT_CHAIN ? '(default chain)' : chosen}`);
  };
}

export function selectRegions(s: ExtensionServices) {
  return async (): Promise<void> => {
    const current = readAwsSettings().regions ?? [];
    const all = [...current, ...KNOWN_REGIONS.filter((r) => !current.includes(r))];
    const chosen = await s.prompter().pickMany<string>({
      title: 'Regions to show',
      placeholder: 'Select one or more regions (none: the profile\'s region)',
      items: all.map((r) => ({ label: r, value: r, picked: current.includes(r) })),
    });
    if (chosen === undefined) {
      return;
    }
    await updateSetting(SETTING.regions, chosen);
    s.log.info(`Regions set to ${chosen.length ? chosen.join(', ') : '(profile\'s region)'}`);
  };
}

export function openSettingsCommand() {
  return (setting?: unknown): Promise<void> => openSettings(typeof setting === 'string' ? setting : 'sagemaker.');
}

/** Opens a terminal running `aws sso login` for the profile in use (the fix for an expired SSO session). */
export function signIn(s: ExtensionServices) {
  return (): Promise<void> => {
    const profile = readAwsSettings().profile ?? process.env.AWS_PROFILE ?? 'default';
    let words: string[];
    try {
      words = ssoLoginWords(profile);
    } catch (e) {
      throw new UserFacingError((e as Error).message);
    }
    const command = runInTerminal(words);
    s.log.info(`Opened a terminal running ${command}`);
    return Promise.resolve();
  };
}

export function showLog(s: ExtensionServices) {
  return (): Promise<void> => {
    s.log.show();
    return Promise.resolve();
  };
}

/** The node, or for the palette: what kind of thing, then which one. */
async function resolveIdSource(s: ExtensionServices, node: Node | undefined, kinds: readonly ResourceKind[]): Promise<Node | { id: string; arn?: string; what: string } | undefined> {
  if (node) {
    return node;
  }
  const items = kinds.map((k) => ({ label: RESOURCES[k].label, value: k }));
  const kind = await s.prompter().pick<ResourceKind>({ title: 'Copy from', placeholder: 'What kind of resource', items });
  if (!kind) {
    return undefined;
  }
  if (kind === 'domain') {
    const region = await pickRegion(s);
    const d = region ? await pickDomain(s, region) : undefined;
    return d && { id: d.domainId, arn: d.domainArn, what: `domain ${d.domainName}` };
  }
  const opens = RESOURCES[kind].opens;
  const t = opens && (await askTarget(s, opens));
  if (!t) {
    return undefined;
  }
  return copyFieldsOf(t);
}

/** What Copy ID / Copy ARN copy of what a row or pick opens: as its kind says. */
function copyFieldsOf(t: UrlTarget): CopyFields {
  return targetSpec(t).copy(t);
}

function idOf(node: Node | CopyFields): CopyFields | undefined {
  if ('copyFields' in node) {
    return node.copyFields(); // a domain
  }
  const t = 'treeItem' in node ? targetFromNode(node) : undefined;
  if (t) {
    return copyFieldsOf(t);
  }
  if ('what' in node && !('treeItem' in node)) {
    return node;
  }
  return undefined;
}

export function copyId(s: ExtensionServices, which: 'id' | 'arn') {
  return async (node?: Node): Promise<void> => {
    const kinds: ResourceKind[] = which === 'id' ? ['domain', 'userProfile', 'space', 'notebook', 'mlflowTrackingServer'] : ['domain', 'notebook', 'mlflowTrackingServer', 'mlflowApp', 'partnerApp'];
    const source = await resolveIdSource(s, node, kinds);
    if (!source) {
      return;
    }
    const info = idOf(source);
    if (!info) {
      throw new UserFacingError('This item has no ID to copy.');
    }
    const text = which === 'id' ? info.id : info.arn;
    if (!text) {
      throw new UserFacingError(`SageMaker did not report an ARN for the ${info.what}.`);
    }
    await s.clipboard.writeOther(text);
    vscode.window.setStatusBarMessage(`$(copy) Copied the ${which === 'id' ? 'ID' : 'ARN'} of the ${info.what}`, 4000);
  };
}
