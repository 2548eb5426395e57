/** "Open Recent…" and "Clear Recent". */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../context';
import { openRef } from '../links/commands';
import { KIND_SPECS } from '../links/kinds';
import { credentialsId, credentialsInUse, credentialsLabel } from '../aws/index';
import type { PickItem } from '../prompter';
import { updateSetting, SETTING } from '../settings';
import { icon, joinDescription } from '../tree/presentation';
import { connectTarget } from '../remote/connect';
import type { UrlTarget } from '../commands/targets';
import { entryCredentials, type RecentEntry } from './store';

const KIND_ICON: Record<RecentEntry['ref']['kind'], string> = {
  studio: 'account',
  space: 'notebook',
  notebook: 'vm',
  mlflowTrackingServer: 'beaker',
  mlflowApp: 'beaker',
  partnerApp: 'extensions',
};

/** The item's label: the name a user knows it by. */
function labelOf(e: RecentEntry): string {
  const r = e.ref;
  switch (r.kind) {
    case 'studio':
      return `Studio: ${r.profile}`;
    case 'space':
      return e.names.displayName || r.space!;
    default:
      return e.names.displayName || r.name || r.arn!.split('/').pop()!;
  }
}

function descriptionOf(e: RecentEntry): string {
  const r = e.ref;
  const domain = r.domain ? e.names.domainName || r.domain : undefined;
  return joinDescription([e.via === 'remoteSsh' ? 'Space over Remote SSH' : KIND_SPECS[r.kind].label, r.region, domain, r.kind === 'space' ? r.profile : undefined]);
}

type Choice = { entry: RecentEntry; how: 'open' | 'copy' };

/** The credentials an entry was opened with, in words. */
function entryCredentialsLabel(e: RecentEntry): string {
  return e.awsKeys !== undefined ? 'other AWS keys from the environment (AWS_ACCESS_KEY_ID)' : credentialsLabel({ origin: 'setting', profile: e.awsProfile ?? 'default' });
}

const SWITCH = 'Switch Profile and Open';
const REMOVE = 'Remove from Recent';

/** "Open Recent…": Enter opens, the item's copy button copies the URL instead. */
export function openRecent(s: ExtensionServices) {
  return async (): Promise<void> => {
    const entries = s.recent.entries();
    if (entries.length === 0) {
      await s.prompter().message('info', 'Nothing opened yet: environments you open or copy a URL for appear here.', []);
      return;
    }
    // The credentials really in use: with the profile setting empty, AWS_PROFILE's or the environment's keys.
    const current = credentialsInUse(s.session.settings.profile);
    const isCurrent = (entry: RecentEntry): boolean => entryCredentials(entry) === credentialsId(current);
    const items: PickItem<Choice>[] = entries.map((entry) => ({
      label: labelOf(entry),
      description: descriptionOf(entry),
      detail: isCurrent(entry) ? undefined : `Opened with ${entryCredentialsLabel(entry)}, not the current one`,
      iconPath: icon(entry.via === 'remoteSsh' ? 'remote' : KIND_ICON[entry.ref.kind]),
      value: { entry, how: 'open' },
      // A Remote SSH entry has no URL to copy.
      buttons: entry.via === 'remoteSsh' ? undefined : [{ iconPath: icon('copy'), tooltip: 'Copy URL', value: { entry, how: 'copy' } }],
    }));
    const choice = await s.prompter().pick({ title: 'Open Recent', placeholder: 'Select an environment to open (the copy button copies its URL)', items });
    if (!choice) {
      return;
    }
    const { entry, how } = choice;
    const what = KIND_SPECS[entry.ref.kind].describe(entry.ref, entry.names);
    if (!isCurrent(entry)) {
      const was = `The ${what} was opened with ${entryCredentialsLabel(entry)}; the current credentials are ${credentialsLabel(current)}.`;
      if (entry.awsKeys !== undefined) {
        // Keys in the environment cannot be chosen from here: say so rather than open with others.
        await s.prompter().message('warning', `${was} Open it from the tree, or start VS Code with those keys.`, []);
        return;
      }
      const profile = entry.awsProfile ?? 'default';
      const answer = await s.prompter().message('warning', `${was} Switch to ${entryCredentialsLabel(entry)} and ${how} it?`, [SWITCH], true);
      if (answer !== SWITCH) {
        return;
      }
      await updateSetting(SETTING.profile, profile);
      s.log.info(`Switched to ${entryCredentialsLabel(entry)} to open a recent environment`);
    }
    // A Remote SSH entry connects again (the same steps as its command) instead of opening a URL.
    const connect =
      entry.via === 'remoteSsh'
        ? async (target: UrlTarget): Promise<boolean> => {
            await connectTarget(s, target as Extract<UrlTarget, { kind: 'space' }>);
            return false;
          }
        : undefined;
    await openRef(
      s,
      entry.ref,
      entry.names,
      how,
      async (message) => {
        const answer = await s.prompter().message('warning', `${message} Remove it from Open Recent?`, [REMOVE]);
        if (answer === REMOVE) {
          await s.recent.remove(entry);
          s.log.info(`Removed the ${what} from Open Recent`);
        }
      },
      connect,
    );
  };
}

/** "Clear Recent": forgets every entry. */
export function clearRecent(s: ExtensionServices) {
  return async (): Promise<void> => {
    await s.recent.clear();
    s.log.info('Cleared Open Recent');
    vscode.window.setStatusBarMessage('$(clear-all) Cleared the recent SageMaker environments', 4000);
  };
}
