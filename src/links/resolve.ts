/**
 * Between what the tree and the commands work with (UrlTarget) and a reference by names and IDs
 * (EnvRef): a reference from a target when a URL is made, a target from a reference when a link or
 * an Open Recent entry is opened, with the one lookup each kind needs.
 * A new kind adds one entry to RESOLVERS (and one to TO_REF in src/commands/refs.ts).
 */
import { AwsError, openingProfile, type Domain } from '../aws/index';
import type { ExtensionServices } from '../context';
import { UserFacingError } from '../errors';
import type { UrlTarget } from '../commands/targets';
import { KIND_SPECS, type DisplayNames, type EnvKind, type EnvRef } from './kinds';

type Resolver = (s: ExtensionServices, ref: EnvRef, names: DisplayNames) => Promise<UrlTarget>;

function domainOf(ref: EnvRef, names: DisplayNames): Domain {
  return { region: ref.region, domainId: ref.domain!, domainName: names.domainName || ref.domain! };
}

/** How each kind becomes a target: what it costs is noted per kind. */
const RESOLVERS: Partial<Record<EnvKind, Resolver>> = {
  // No lookup: CreatePresignedDomainUrl itself says whether the domain and user profile exist.
  studio: (_s, ref, names) => Promise.resolve({ kind: 'studio', region: ref.region, domain: domainOf(ref, names), userProfileName: ref.profile! }),
  // DescribeSpace (with its app's state): whether it runs, and who owns a private space.
  space: async (s, ref, names) => {
    const space = await s.session.access().describeSpace(ref.region, ref.domain!, ref.space!);
    return { kind: 'space', region: ref.region, domain: domainOf(ref, names), space, userProfileName: openingProfile(space, ref.profile!) };
  },
  // DescribeNotebookInstance: whether it is in service.
  notebook: async (s, ref) => ({ kind: 'notebook', region: ref.region, notebook: await s.session.access().describeNotebookInstance(ref.region, ref.name!) }),
  // One Describe call each: whether it exists, and its state (a stopped tracking server is offered a start).
  mlflowTrackingServer: async (s, ref) => ({
    kind: 'mlflowTrackingServer',
    region: ref.region,
    server: await s.session.access().describeMlflowTrackingServer(ref.region, ref.name!),
  }),
  mlflowApp: async (s, ref) => ({ kind: 'mlflowApp', region: ref.region, app: await s.session.access().describeMlflowApp(ref.region, ref.arn!) }),
  partnerApp: async (s, ref) => ({ kind: 'partnerApp', region: ref.region, app: await s.session.access().describePartnerApp(ref.region, ref.arn!) }),
};

/** Whether this version can open the kind (a link may name a kind added in a later version). */
export function canResolve(kind: EnvKind): boolean {
  return RESOLVERS[kind] !== undefined;
}

/** The target for a reference; throws UserFacingError for a kind this version cannot open yet. */
export async function targetFromRef(s: ExtensionServices, ref: EnvRef, names: DisplayNames = {}): Promise<UrlTarget> {
  const resolve = RESOLVERS[ref.kind];
  if (!resolve) {
    throw new UserFacingError(`This version of SageMaker Environments cannot open ${KIND_SPECS[ref.kind].label} links yet.`);
  }
  return resolve(s, ref, names);
}

/**
 * True for an error that means the environment is not there (deleted, or not visible to this AWS
 * profile). Told by name and kind rather than instanceof: the extension-host tests run this module
 * from their own build next to the extension's bundle, whose AwsError is another class.
 */
export function isNotFound(e: unknown): boolean {
  return e instanceof Error && e.name === 'AwsError' && (e as Partial<AwsError>).kind === 'not-found';
}
