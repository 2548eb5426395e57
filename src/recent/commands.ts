/** "Open Recent…" and "Clear Recent". */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../context';
import { openRef } from '../links/commands';
import { KIND_SPECS, type RefKey } from '../links/kinds';
import { RESOURCES, TARGETS } from '../kinds/index';
import { credentialsId, credentialsInUse, credentialsLabel } from '../aws/index';
import type { PickItem } from '../prompter';
import { updateSetting, SETTING } from '../settings';
import { icon, joinDescription } from '../tree/presentation';
import { connectTarget } from '../remote/connect';
import type { UrlTarget } from '../commands/targets';
import { entryCredentials, type RecentEntry } from './store';

/** The key of a reference that names the resource: its kind's last (a space's `space`, Studio's `profile`, an app's `arn`). */
function namingKey(kind: RecentEntry['ref']['kind']): RefKey {
  const keys = Object.keys(KIND_SPECS[kind].keys) as RefKey[];
  return keys[keys.length - 1];
}

/**
 * The item's label: the name a user knows it by (an ARN's last part). A target kind that is no
 * resource of its own (Studio opens a user profile's) says what it opens: "Studio: alice".
 */
function labelOf(e: RecentEntry): string {
  const r = e.ref;
  const name = e.names.displayName || r[namingKey(r.kind)]!.split('/').pop()!;
  return Object.hasOwn(RESOURCES, r.kind) ? name : `${KIND_SPECS[r.kind].label}: ${name}`;
}

/** Its kind, region, domain, and the keys between (a space's user profile). */
function descriptionOf(e: RecentEntry): string {
  const r = e.ref;
  const domain = r.domain ? e.names.domainName || r.domain : undefined;
  const between = Object.keys(KIND_SPECS[r.kind].keys).filter((k) => k !== 'domain' && k !== namingKey(r.kind)) as RefKey[];
  return joinDescription([e.via === 'remoteSsh' ? 'Space over Remote SSH' : KIND_SPECS[r.kind].label, r.region, domain, ...between.map((k) => r[k])]);
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
      iconPath: icon(entry.via === 'remoteSsh' ? 'remote' : TARGETS[entry.ref.kind].palette.icon),
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
