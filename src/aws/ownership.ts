/** The private-space owner rule: a private space opens only through its owner's user profile. */

/** What the caller already knows about a space's ownership, so no DescribeSpace is needed. */
export interface SpaceOwnership {
  sharingType?: 'Private' | 'Shared';
  ownerUserProfileName?: string;
}

/** The parts of a URL request (./spaces.ts DomainUrlRequest) the rule reads. */
export interface OwnedRequest {
  readonly userProfileName: string;
  readonly spaceName?: string;
  readonly spaceInfo?: SpaceOwnership;
}

/** The user profile a space opens through: its owner's when it is private (and the owner is known), else `profile`. */
export function openingProfile(space: SpaceOwnership, profile: string): string {
  return space.sharingType === 'Private' && space.ownerUserProfileName ? space.ownerUserProfileName : profile;
}

/** The user profile a domain URL must be made for, given what is known about the space. */
export function effectiveUserProfile(r: OwnedRequest, known?: SpaceOwnership): string {
  const info = known ?? r.spaceInfo;
  return r.spaceName && info ? openingProfile(info, r.userProfileName) : r.userProfileName;
}
