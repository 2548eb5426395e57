/** The private-space owner rule: a private space opens only through its owner's user profile. */
import type { DomainUrlRequest, SpaceOwnership } from './types';

/** The user profile a domain URL must be made for, given what is known about the space. */
export function effectiveUserProfile(r: Pick<DomainUrlRequest, 'userProfileName' | 'spaceName' | 'spaceInfo'>, known?: SpaceOwnership): string {
  const info = known ?? r.spaceInfo;
  if (r.spaceName && info?.sharingType === 'Private' && info.ownerUserProfileName) {
    return info.ownerUserProfileName;
  }
  return r.userProfileName;
}
