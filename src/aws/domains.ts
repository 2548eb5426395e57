/** Studio domains and their user profiles: the listings. */
import { checkName, type AwsCore } from './core';
import { toDomain, toUserProfile } from './mapping';
import type { Domain, Page, UserProfile } from './model';
import { listPage } from './paging';
import type { ListOptions } from './types';

/** The domain and user profile part of SageMakerAccess. */
export interface DomainAccess {
  listDomains(region: string, o?: ListOptions): Promise<Page<Domain>>;
  listUserProfiles(region: string, domainId: string, o?: ListOptions): Promise<Page<UserProfile>>;
}

export function domainAccess(core: AwsCore): DomainAccess {
  return {
    listDomains(region, o) {
      return listPage(
        core,
        region,
        'ListDomains',
        o,
        (c, sdk) => c.send(new sdk.ListDomainsCommand({ NextToken: o?.nextToken, MaxResults: o?.maxResults }), { abortSignal: o?.signal }),
        (out) => {
          // ListDomains has no server-side name filter; the filter applies to the page read.
          const needle = o?.nameContains?.toLowerCase();
          return (out.Domains ?? [])
            .map((d) => toDomain(region, d))
            .filter((d) => !needle || d.domainName.toLowerCase().includes(needle) || d.domainId.includes(needle));
        },
      );
    },

    async listUserProfiles(region, domainId, o) {
      checkName('DomainId', domainId, 'ListUserProfiles');
      return listPage(
        core,
        region,
        'ListUserProfiles',
        o,
        (c, sdk) =>
          c.send(
            new sdk.ListUserProfilesCommand({
              DomainIdEquals: domainId,
              UserProfileNameContains: o?.nameContains || undefined,
              NextToken: o?.nextToken,
              MaxResults: o?.maxResults,
            }),
            { abortSignal: o?.signal },
          ),
        (out) => (out.UserProfiles ?? []).map((p) => toUserProfile(region, p)),
      );
    },
  };
}
