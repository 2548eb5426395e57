/**
 * A user profile, as data: what the last-known tree keeps of it, and the target its row opens,
 * Studio (a link's and Open Recent's `studio`).
 */
import type { Domain, UserProfile } from '../aws/index';
import { domainOfRef, domainPart, knownDomainName } from './domain';
import { FIELD_RULES, type ResourceSpec, type TargetSpec } from './kind';

export const userProfileResource: ResourceSpec<'userProfile'> = {
  kind: 'userProfile',
  label: 'User profile',
  opens: 'studio',
  stored: {
    region: ['text', true],
    domainId: ['text', true],
    userProfileName: ['text', true],
    status: ['text', false],
    creationTime: ['date', false],
    lastModifiedTime: ['date', false],
  },
};

/** Studio for a user profile. */
export interface StudioTarget {
  readonly kind: 'studio';
  readonly region: string;
  readonly domain: Domain;
  readonly userProfileName: string;
}

export const studioTarget: TargetSpec<'studio'> = {
  kind: 'studio',
  label: 'Studio',
  palette: { about: "a user profile's SageMaker Studio", icon: 'account' },
  keys: { domain: FIELD_RULES.DomainId, profile: FIELD_RULES.UserProfileName },
  describe: (r, n) => `Studio for user profile ${r.profile} in domain ${domainPart(r, n?.domainName)}`,
  name: (t) => `Studio for ${t.userProfileName} (${t.domain.domainName})`,
  urlCall: (t) => ({ operation: 'CreatePresignedDomainUrl', domainId: t.domain.domainId, userProfileName: t.userProfileName }),
  copy: (t) => ({ id: t.userProfileName, what: `user profile ${t.userProfileName}` }),
  toRef: (t) => ({
    ref: { kind: 'studio', region: t.region, domain: t.domain.domainId, profile: t.userProfileName },
    names: { domainName: knownDomainName(t.domain) },
  }),
  // No lookup: CreatePresignedDomainUrl itself says whether the domain and user profile exist.
  fromRef: (_access, ref, names) => Promise.resolve({ kind: 'studio', region: ref.region, domain: domainOfRef(ref, names.domainName), userProfileName: ref.profile! }),
};

declare module './kind' {
  interface ResourceKinds {
    userProfile: UserProfile;
  }
  interface TargetKinds {
    studio: StudioTarget;
  }
}
