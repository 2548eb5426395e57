/**
 * "Copy Link" and what the URI handler does with such a link (open it, after the user confirms).
 * In dist/commands.js, loaded on first use; the handler itself is registered by ../commands/index.ts.
 */
import * as vscode from 'vscode';
import { credentialsInUse, credentialsLabel, validateName } from '../aws/index';
import type { ExtensionServices } from '../context';
import { UserFacingError } from '../errors';
import { resolveTarget, type TargetKind, type UrlTarget } from '../commands/targets';
import { deliver } from '../commands/urls';
import type { Node } from '../tree/nodes';
import { KIND_SPECS, type DisplayNames, type EnvRef } from './kinds';
import { linkFor, parseLink } from './link';
import { refFromTarget } from '../commands/refs';
import { canResolve, isNotFound, targetFromRef } from './resolve';

/** The kinds Copy Link offers from the palette: those with a target today. */
const LINK_KINDS: readonly TargetKind[] = ['studio', 'space', 'notebook', 'mlflowTrackingServer', 'mlflowApp', 'partnerApp'];

/** "Copy Link": a vscode:// link naming the environment (names and IDs only). */
export function copyLink(s: ExtensionServices) {
  return async (node?: Node): Promise<void> => {
    const t = await resolveTarget(s, node, LINK_KINDS);
    if (!t) {
      return;
    }
    const named = refFromTarget(t);
    if (!named) {
      throw new UserFacingError('There is no link for this kind of item.');
    }
    await s.clipboard.writeOther(linkFor(named.ref));
    const what = KIND_SPECS[named.ref.kind].describe(named.ref, named.names);
    s.log.info(`Copied a link to ${what} (${named.ref.region})`);
    vscode.window.setStatusBarMessage(`$(link) Copied a link to ${what}`, 4000);
  };
}

const OPEN = 'Open';

/**
 * Opens a resolved reference (a link's, or an Open Recent entry's): the lookup it needs, then the
 * URL. A resource that is not there says so in words naming it and the AWS profile used.
 * `proceed`, when given, sees the target after the lookup and may still stop it.
 */
export async function openRef(
  s: ExtensionServices,
  ref: EnvRef,
  names: DisplayNames,
  how: 'open' | 'copy',
  onGone?: (message: string) => Promise<void>,
  proceed?: (target: UrlTarget) => Promise<boolean>,
): Promise<void> {
  const what = KIND_SPECS[ref.kind].describe(ref, names);
  try {
    const target = await targetFromRef(s, ref, names);
    if (proceed && !(await proceed(target))) {
      return;
    }
    await deliver(s, target, how);
  } catch (e) {
    if (!isNotFound(e)) {
      throw e;
    }
    s.log.error(`Opening ${what} (${ref.region})`, e);
    const message = `The ${what} was not found in ${ref.region} with ${credentialsLabel(credentialsInUse(s.session.settings.profile))}: it may have been deleted, or belong to another account.`;
    if (onGone) {
      await onGone(message);
      return;
    }
    throw new UserFacingError(message);
  }
}

/** What the URI handler does with `vscode://…/open?…`: check, ask, then open. */
export async function openLink(s: ExtensionServices, uri: vscode.Uri): Promise<void> {
  const parsed = parseLink(uri.path, uri.query);
  if (!parsed.ok) {
    s.log.info(`Refused a SageMaker link: ${parsed.problem}`);
    throw new UserFacingError(`This SageMaker link cannot be opened: ${parsed.problem}`);
  }
  const { ref } = parsed;
  if (!canResolve(ref.kind)) {
    throw new UserFacingError(`This version of SageMaker Environments cannot open ${KIND_SPECS[ref.kind].label} links yet.`);
  }
  const what = KIND_SPECS[ref.kind].describe(ref);
  // The credentials really used: with the profile setting empty, AWS_PROFILE's or the environment's keys.
  const profile = credentialsLabel(credentialsInUse(s.session.settings.profile));
  const choice = await s
    .prompter()
    .message('warning', `A link asks to open the ${what} in ${ref.region}, with ${profile}. Open it only if you trust where the link came from.`, [OPEN], true);
  if (choice !== OPEN) {
    s.log.info(`Did not open a link to the ${what}: not confirmed`);
    return;
  }
  await openRef(s, ref, {}, 'open', undefined, (target) => confirmOwner(s, ref, target));
}

/**
 * A private space opens as its owner, whatever user profile the link names: when they differ, the
 * user is asked again, naming the user profile it will really open as.
 */
async function confirmOwner(s: ExtensionServices, ref: EnvRef, target: UrlTarget): Promise<boolean> {
  if (target.kind !== 'space' || target.userProfileName === ref.profile) {
    return true;
  }
  const owner = target.userProfileName;
  // The owner is the endpoint's word: checked before it is shown (or used).
  const problem = validateName('UserProfileName', owner);
  if (problem !== undefined) {
    throw new UserFacingError(`SageMaker reports an owner of the space ${ref.space} that is not a user profile name: ${problem}`);
  }
  const button = `Open as ${owner}`;
  const choice = await s
    .prompter()
    .message(
      'warning',
      `The space ${ref.space} is private to user profile ${owner}, not ${ref.profile} as the link says: it would open as ${owner}. Open it as ${owner}?`,
      [button],
      true,
    );
  if (choice !== button) {
    s.log.info(`Did not open a link to the space ${ref.space}: opening as its owner ${owner} (not ${ref.profile}) not confirmed`);
    return false;
  }
  return true;
}
