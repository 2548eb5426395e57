/**
 * A Studio space, as data: what the last-known tree keeps of it, its link, how it is started and
 * stopped (its app), and the poller's key of its rows.
 */
import { openingProfile, type Domain, type Space, type SpaceAppState } from '../aws/index';
import { domainOfRef, domainPart, knownDomainName } from './domain';
import { FIELD_RULES, type ResourceSpec, type TargetSpec } from './kind';

export const spaceResource: ResourceSpec<'space'> = {
  kind: 'space',
  label: 'Space',
  opens: 'space',
  stored: {
    region: ['text', true],
    domainId: ['text', true],
    spaceName: ['text', true],
    appState: [['Running', 'Starting', 'Stopping', 'Stopped', 'Failed', 'Unknown'], true],
    spaceDisplayName: ['text', false],
    status: ['text', false],
    appType: ['text', false],
    sharingType: [['Private', 'Shared'], false],
    ownerUserProfileName: ['text', false],
    app: ['app', false],
    creationTime: ['date', false],
    lastModifiedTime: ['date', false],
  },
};

/** A space's app, opened as `userProfileName` (the owner of a private space). */
export interface SpaceTarget {
  readonly kind: 'space';
  readonly region: string;
  readonly domain: Domain;
  readonly space: Space;
  readonly userProfileName: string;
}

/** The key every row of one space shares (a shared space shows under each profile). */
export function spaceStateKey(s: Space): string {
  return JSON.stringify(['space', s.region, s.domainId, s.spaceName]);
}

const APP_STATES: readonly string[] = ['Running', 'Starting', 'Stopping', 'Stopped', 'Failed'];

export const spaceTarget: TargetSpec<'space'> = {
  kind: 'space',
  label: 'Space',
  palette: { about: 'a Studio space (JupyterLab, Code Editor, ...)', icon: 'notebook' },
  keys: { domain: FIELD_RULES.DomainId, profile: FIELD_RULES.UserProfileName, space: FIELD_RULES.SpaceName },
  describe: (r, n) =>
    `space ${n?.displayName && n.displayName !== r.space ? `${n.displayName} (${r.space})` : r.space} of user profile ${r.profile} in domain ${domainPart(r, n?.domainName)}`,
  name: (t) => `space ${t.space.spaceDisplayName || t.space.spaceName}`,
  // What the tree knows of its ownership rides along, so no DescribeSpace call is needed.
  urlCall: (t) => ({
    operation: 'CreatePresignedDomainUrl',
    domainId: t.domain.domainId,
    userProfileName: t.userProfileName,
    spaceName: t.space.spaceName,
    spaceInfo: { sharingType: t.space.sharingType, ownerUserProfileName: t.space.ownerUserProfileName },
  }),
  copy: (t) => ({ id: t.space.spaceName, what: `space ${t.space.spaceName}` }),
  toRef: (t) => ({
    ref: { kind: 'space', region: t.region, domain: t.domain.domainId, profile: t.userProfileName, space: t.space.spaceName },
    names: { domainName: knownDomainName(t.domain), displayName: t.space.spaceDisplayName },
  }),
  // DescribeSpace (with its app's state): whether it runs, and who owns a private space.
  fromRef: async (access, ref, names) => {
    const space = await access.describeSpace(ref.region, ref.domain!, ref.space!);
    return { kind: 'space', region: ref.region, domain: domainOfRef(ref, names.domainName), space, userProfileName: openingProfile(space, ref.profile!) };
  },
  lifecycle: {
    isRunning: (t) => t.space.appState === 'Running',
    state: (t) => t.space.appState ?? 'unknown',
    stateKey: (t) => spaceStateKey(t.space),
    starts: 'its app',
    passing: { start: 'Starting', stop: 'Stopping' },
    call: (access, t, action, instanceType) => (action === 'start' ? access.startSpace(t.region, t.space, instanceType) : access.stopSpace(t.region, t.space)),
    wait: async (access, t, until, o) => ({ ...t, space: await access.waitForSpace(t.region, t.domain.domainId, t.space.spaceName, until === 'running' ? 'Running' : 'Stopped', o) }),
    withState: (t, status) => (APP_STATES.includes(status) ? { ...t, space: { ...t.space, appState: status as SpaceAppState } } : t),
    read: async (access, t) => ({ ...t, space: await access.describeSpace(t.region, t.domain.domainId, t.space.spaceName) }),
    // Listed before its app state came in ("checking…"): one ListApps call (SpaceNameEquals), as the listing would have made.
    readUnknown: (access, t) => (t.space.appState === 'Unknown' ? access.refreshSpaceApp(t.region, t.space).then((space) => ({ ...t, space })) : undefined),
  },
};

declare module './kind' {
  interface ResourceKinds {
    space: Space;
  }
  interface TargetKinds {
    space: SpaceTarget;
  }
}
