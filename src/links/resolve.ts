/**
 * Between what the tree and the commands work with (UrlTarget) and a reference by names and IDs
 * (EnvRef): a target from a reference when a link or an Open Recent entry is opened, with the one
 * lookup each kind needs (its `fromRef`, src/kinds/<kind>.ts; the way back is src/commands/refs.ts).
 */
import type { AwsError } from '../aws/index';
import type { ExtensionServices } from '../context';
import { UserFacingError } from '../errors';
import type { UrlTarget } from '../commands/targets';
import { TARGETS } from '../kinds/index';
import { KIND_SPECS, type DisplayNames, type EnvKind, type EnvRef } from './kinds';

/** Whether this version can open the kind (a link may name a kind added in a later version). */
export function canResolve(kind: EnvKind): boolean {
  return Object.hasOwn(TARGETS, kind);
}

/** The target for a reference; throws UserFacingError for a kind this version cannot open yet. */
export async function targetFromRef(s: ExtensionServices, ref: EnvRef, names: DisplayNames = {}): Promise<UrlTarget> {
  if (!canResolve(ref.kind)) {
    throw new UserFacingError(`This version of SageMaker Environments cannot open ${KIND_SPECS[ref.kind].label} links yet.`);
  }
  return TARGETS[ref.kind].fromRef(s.session.access(), ref, names);
}

/**
 * True for an error that means the environment is not there (deleted, or not visible to this AWS
 * profile). Told by name and kind rather than instanceof: the extension-host tests run this module
 * from their own build next to the extension's bundle, whose AwsError is another class.
 */
export function isNotFound(e: unknown): boolean {
  return e instanceof Error && e.name === 'AwsError' && (e as Partial<AwsError>).kind === 'not-found';
}
