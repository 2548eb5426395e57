/** Studio domains and their user profiles: the listings. */
import { checkName } from './checks';
import type { AwsCore } from './core';
import { toDomain, toUserProfile } from './mapping';
import type { Domain, Page, UserProfile } from './model';
import { listPage } from './paging';
import type { ListOptions } from './options';

/** The domain and user profile part of SageMakerAccess. */
export interface DomainAccess {
  listDomains(region: string, o?: ListOptions): Promise<Page<Domain>>;
  listUserProfiles(region: string, domainId: string, o?: ListOptions): Promise<Page<UserProfile>>;
  /** DescribeDomain: the domain with its AuthMode (IAM or SSO) and Url, which ListDomains does not give. */
  describeDomain(region: string, domainId: string, signal?: AbortSignal): Promise<Domain>;
  /** DescribeUserProfile: the profile again (its status), one call. */
  describeUserProfile(region: string, domainId: string, userProfileName: string, signal?: AbortSignal): Promise<UserProfile>;
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

    async describeDomain(region, domainId, signal) {
      checkName('DomainId', domainId, 'DescribeDomain');
      const out = await core.call(region, 'DescribeDomain', (c, sdk) => c.send(new sdk.DescribeDomainCommand({ DomainId: domainId }), { abortSignal: signal }));
      return toDomain(region, out);
    },

    async describeUserProfile(region, domainId, userProfileName, signal) {
      checkName('DomainId', domainId, 'DescribeUserProfile');
      checkName('UserProfileName', userProfileName, 'DescribeUserProfile');
      const out = await core.call(region, 'DescribeUserProfile', (c, sdk) =>
        c.send(new sdk.DescribeUserProfileCommand({ DomainId: domainId, UserProfileName: userProfileName }), { abortSignal: signal }),
      );
      return toUserProfile(region, out);
    },
  };
}
