/**
 * Studio spaces: the spaces a user profile can open (ListSpaces + ListApps), describe, presign
 * (CreatePresignedDomainUrl), start and stop (CreateApp / DeleteApp), wait.
 */
import type { AppDetails, SpaceDetails } from '@aws-sdk/client-sagemaker';
import { callLimiter, STATE_CALLS_IN_FLIGHT, type CallLimiter } from './callLimiter';
import { check, checkMaxResults, checkName } from './checks';
import type { AwsCore } from './core';
import { AwsError } from './errors';
import { describedSpaceToDetails, toSpace } from './mapping';
import type { Page, PresignedUrl, Space } from './model';
import { effectiveUserProfile, type SpaceOwnership } from './ownership';
import { presign, sessionLifetime, urlLifetime } from './presign';
import type { ListOptions, WaitOptions } from './options';
import { validateRegion } from './validation';
import { validateLandingUri } from './requestValues';
import { spaceApps } from './spaceApps';
import { waitUntil } from './waiting';

/** ListSpaces pages read at most per listSpacesFor call while none of them holds a space for the profile. */
const MAX_SPACE_PAGES_PER_CALL = 5;
/** How long a complete read of a domain's apps serves the "Load more" pages of a space listing. */
const APPS_REUSE_FOR_LOAD_MORE_MS = 60_000;

export type { SpaceOwnership } from './ownership';

export interface DomainUrlRequest {
  domainId: string;
  userProfileName: string;
  spaceName?: string;
  /** 'studio::/path', 'app:JupyterLab:/path', ... */
  landingUri?: string;
  /** 5-300, default 300. */
  expiresInSeconds?: number;
  /** 1800-43200, default 43200. */
  sessionExpirationDurationInSeconds?: number;
  /**
   * Optional: the space's sharing type and owner (a `Space` from a listing fits). With it, a
   * private space's URL is made for its owner without a DescribeSpace call.
   */
  spaceInfo?: SpaceOwnership;
}

/** Options of listSpacesFor; with `onAppStates`, the spaces come back before their app states. */
export interface SpaceListOptions extends ListOptions {
  /**
   * With it, the page comes back after one round trip (ListSpaces and the domain's first ListApps
   * page), a space's `appState` 'Unknown' when that page does not show it; those states follow,
   * each batch of spaces whose state became known in one call (a fresh copy of each space).
   * `states` on the page settles when all are in.
   */
  onAppStates?: (batch: Space[]) => void;
  /** A ListApps call for these spaces failed: they stay 'Unknown' (the listing stays usable). */
  onAppStateError?: (error: unknown, spaceNames: readonly string[]) => void;
  /**
   * Shared by the pages of one listing read together (the palette's space pick reads them all),
   * so their state calls together stay within STATE_CALLS_IN_FLIGHT; without it, each call of
   * listSpacesFor keeps to that bound on its own.
   */
  stateCalls?: CallLimiter;
}

/** A page of spaces whose app states may still be filling in. */
export interface SpacePage extends Page<Space> {
  /** Settles (never rejects) when every state the listing asks for is in or failed. */
  readonly states?: Promise<void>;
}

/** The space part of SageMakerAccess. */
export interface SpaceAccess {
  /**
   * The spaces this user profile can open: its own private spaces, then the domain's shared ones.
   * Paging follows ListSpaces (pages of `maxResults`, default 100): a call reads one ListSpaces
   * page, or more while the pages read hold nothing for this profile (at most 5), and returns the
   * matching spaces of those pages, private ones first; `nextToken` continues the ListSpaces
   * listing. So a page can be shorter than maxResults, and is empty only at the end.
   * App states come from ListApps: one call when the page holds one space, else the domain's apps
   * newest first until every space is seen (one call in a small domain); a "Load more" page
   * within a minute reuses a complete read.
   * With `o.onAppStates`: one round trip, ListSpaces and the domain's first ListApps page side by
   * side; the spaces that page shows come with their state, the others as 'Unknown', filled in
   * after by one ListApps call (SpaceNameEquals) each, at most STATE_CALLS_IN_FLIGHT at once, one
   * batch per wave.
   */
  listSpacesFor(region: string, domainId: string, userProfileName: string, o?: SpaceListOptions): Promise<SpacePage>;
  describeSpace(region: string, domainId: string, spaceName: string, signal?: AbortSignal): Promise<Space>;
  /**
   * The space with its app read again: one ListApps call (SpaceNameEquals, newest first). For a
   * space whose app is starting or stopping, that is all that changes.
   */
  refreshSpaceApp(region: string, space: Space, signal?: AbortSignal): Promise<Space>;
  /** CreateApp with the space's app type; `instanceType`: the instance to run on (else the space's or domain's default). */
  startSpace(region: string, space: Space, instanceType?: string): Promise<void>;
  /** DeleteApp of the space's running app (nothing to do when it has none). */
  stopSpace(region: string, space: Space): Promise<void>;
  waitForSpace(region: string, domainId: string, spaceName: string, target: 'Running' | 'Stopped', o?: WaitOptions): Promise<Space>;
}

/** Its presigned URL, made through SageMakerAccess.presignUrl (./urlCalls.ts), keyed by its operation. */
export interface SpacePresigning {
  presignDomainUrl(region: string, r: DomainUrlRequest, signal?: AbortSignal): Promise<PresignedUrl>;
}

export function spaceAccess(core: AwsCore): SpaceAccess & SpacePresigning {
  /** Sharing type and owner of the spaces seen in listings, for the owner rule without an extra call. */
  const ownership = new Map<string, SpaceOwnership>();
  const { firstAppPage, forgetApps, hasFreshDomainApps, keepDomainApps, listAppsPage, currentApps } = spaceApps(core);

  /**
   * The app states of the spaces a listing left unknown: one ListApps call (SpaceNameEquals) per
   * space, a wave of at most STATE_CALLS_IN_FLIGHT calls at a time, one batch per wave. A failed
   * call leaves its space unknown and is reported; the rest go on. Stops when the listing is cancelled.
   */
  async function fillStates(region: string, domainId: string, unknown: readonly SpaceDetails[], o: SpaceListOptions): Promise<void> {
    const limiter = o.stateCalls ?? callLimiter(STATE_CALLS_IN_FLIGHT);
    for (let i = 0; i < unknown.length && !o.signal?.aborted; i += STATE_CALLS_IN_FLIGHT) {
      const wave = unknown.slice(i, i + STATE_CALLS_IN_FLIGHT);
      const batch: Space[] = [];
      await Promise.all(
        wave.map(async (d) => {
          const name = d.SpaceName ?? '';
          try {
            // A call that waited for its turn past the listing's end is not made.
            const app = await limiter.run(async () => (o.signal?.aborted ? undefined : (await listAppsPage(region, domainId, name, 1, undefined, o.signal)).Apps?.[0]));
            if (o.signal?.aborted) {
              return;
            }
            batch.push(toSpace(region, d, app));
          } catch (e) {
            if (!o.signal?.aborted) {
              o.onAppStateError?.(e, [name]);
            }
          }
        }),
      );
      if (batch.length > 0) {
        batch.forEach(remember);
        o.onAppStates?.(batch);
      }
    }
  }

  function remember(s: Space): void {
    ownership.set(JSON.stringify([s.region, s.domainId, s.spaceName]), { sharingType: s.sharingType, ownerUserProfileName: s.ownerUserProfileName });
  }

  /** The space's sharing type and owner: from the request, else from a listing seen, else DescribeSpace. */
  async function ownershipOf(region: string, r: DomainUrlRequest, signal?: AbortSignal): Promise<SpaceOwnership | undefined> {
    if (!r.spaceName) {
      return undefined;
    }
    if (r.spaceInfo?.sharingType) {
      return r.spaceInfo;
    }
    const known = ownership.get(JSON.stringify([region, r.domainId, r.spaceName]));
    if (known?.sharingType) {
      return known;
    }
    const out = await core.call(region, 'DescribeSpace', (c, sdk) =>
      c.send(new sdk.DescribeSpaceCommand({ DomainId: r.domainId, SpaceName: r.spaceName }), { abortSignal: signal }),
    );
    const info: SpaceOwnership = {
      sharingType: out.SpaceSharingSettings?.SharingType === 'Private' ? 'Private' : out.SpaceSharingSettings?.SharingType === 'Shared' ? 'Shared' : undefined,
      ownerUserProfileName: out.OwnershipSettings?.OwnerUserProfileName,
    };
    ownership.set(JSON.stringify([region, r.domainId, r.spaceName]), info);
    return info;
  }

  const spaces: SpaceAccess & SpacePresigning = {
    async listSpacesFor(region, domainId, userProfileName, o) {
      checkName('DomainId', domainId, 'ListSpaces');
      checkName('UserProfileName', userProfileName, 'ListSpaces');
      checkMaxResults(o);
      const mine: SpaceDetails[] = [];
      const shared: SpaceDetails[] = [];
      let nextToken = o?.nextToken;
      // A continuation page of the same listing may reuse a recent complete read of the domain's apps.
      const reuse = o?.nextToken ? APPS_REUSE_FOR_LOAD_MORE_MS : 0;
      // The domain's newest apps do not depend on which spaces come back: ask for them at the same
      // time as ListSpaces, so a domain with up to a page of apps is listed in one round trip.
      const firstDomainPage = hasFreshDomainApps(region, domainId, reuse) ? undefined : firstAppPage(region, domainId, o, reuse);
      // If ListSpaces fails first, this one's failure is not an unhandled rejection; awaited below.
      firstDomainPage?.catch(() => undefined);
      for (let pages = 0; pages < MAX_SPACE_PAGES_PER_CALL; pages++) {
        const out = await core.call(region, 'ListSpaces', (c, sdk) =>
          c.send(
            new sdk.ListSpacesCommand({
              DomainIdEquals: domainId,
              SpaceNameContains: o?.nameContains || undefined,
              NextToken: nextToken,
              // Many of a domain's spaces are other profiles' private ones: read big pages.
              MaxResults: o?.maxResults ?? 100,
            }),
            { abortSignal: o?.signal },
          ),
        );
        for (const s of out.Spaces ?? []) {
          const type = s.SpaceSharingSettingsSummary?.SharingType;
          if (type === 'Private') {
            if (s.OwnershipSettingsSummary?.OwnerUserProfileName === userProfileName) {
              mine.push(s);
            }
          } else {
            // Shared, or a space from before sharing settings existed: every profile of the domain can open it.
            shared.push(s);
          }
        }
        nextToken = out.NextToken || undefined;
        if (mine.length + shared.length > 0 || !nextToken) {
          break;
        }
      }
      const details = [...mine, ...shared];
      if (o?.onAppStates && firstDomainPage) {
        // The domain's first ListApps page went out with ListSpaces (same round trip): the spaces
        // it shows come with their state; the others show as 'Unknown' and fill in after.
        const seen = new Map<string, AppDetails>();
        let complete = false;
        try {
          const out = await firstDomainPage;
          for (const a of out.Apps ?? []) {
            if (a.SpaceName && !seen.has(a.SpaceName)) {
              seen.set(a.SpaceName, a);
            }
          }
          // The domain's whole app listing: a space not in it has never run.
          complete = !out.NextToken;
          if (complete) {
            keepDomainApps(region, domainId, seen);
          }
        } catch (e) {
          // The rows still show; their states are asked one by one (each failure reported there).
          o.onAppStateError?.(e, details.map((d) => d.SpaceName ?? ''));
        }
        const known = (d: SpaceDetails): boolean => complete || seen.has(d.SpaceName ?? '');
        const items = details.map((d) => (known(d) ? toSpace(region, d, seen.get(d.SpaceName ?? '')) : { ...toSpace(region, d, undefined), appState: 'Unknown' as const }));
        items.forEach(remember);
        const states = fillStates(region, domainId, details.filter((d) => !known(d)), o);
        return { items, nextToken, states };
      }
      const apps = await currentApps(region, domainId, details.map((s) => s.SpaceName ?? ''), o?.signal, reuse, firstDomainPage);
      const items = details.map((s) => toSpace(region, s, apps.get(s.SpaceName ?? '')));
      items.forEach(remember);
      return { items, nextToken };
    },

    async describeSpace(region, domainId, spaceName, signal) {
      checkName('DomainId', domainId, 'DescribeSpace');
      checkName('SpaceName', spaceName, 'DescribeSpace');
      const [described, apps] = await Promise.all([
        core.call(region, 'DescribeSpace', (c, sdk) => c.send(new sdk.DescribeSpaceCommand({ DomainId: domainId, SpaceName: spaceName }), { abortSignal: signal })),
        currentApps(region, domainId, [spaceName], signal),
      ]);
      const space = toSpace(region, describedSpaceToDetails(described), apps.get(spaceName));
      remember(space);
      return space;
    },

    async refreshSpaceApp(region, space, signal) {
      checkName('DomainId', space.domainId, 'ListApps');
      checkName('SpaceName', space.spaceName, 'ListApps');
      const app = (await currentApps(region, space.domainId, [space.spaceName], signal)).get(space.spaceName);
      const fresh = toSpace(region, {}, app);
      return { ...space, app: fresh.app, appState: fresh.appState };
    },

    async presignDomainUrl(region, r, signal) {
      const op = 'CreatePresignedDomainUrl';
      check(validateRegion(region), op);
      checkName('DomainId', r.domainId, op);
      checkName('UserProfileName', r.userProfileName, op);
      if (r.spaceName !== undefined && r.spaceName !== '') {
        checkName('SpaceName', r.spaceName, op);
      }
      if (r.landingUri !== undefined && r.landingUri !== '') {
        check(validateLandingUri(r.landingUri), op);
      }
      const expires = urlLifetime(r.expiresInSeconds, op);
      const session = sessionLifetime(r.sessionExpirationDurationInSeconds, op);

      const owner = await ownershipOf(region, r, signal);
      const userProfileName = effectiveUserProfile(r, owner);
      return presign(
        core,
        region,
        op,
        { expiresInSeconds: expires, sessionExpirationDurationInSeconds: session },
        (c, sdk) =>
          c.send(
            new sdk.CreatePresignedDomainUrlCommand({
              DomainId: r.domainId,
              UserProfileName: userProfileName,
              SpaceName: r.spaceName || undefined,
              LandingUri: r.landingUri || undefined,
              ExpiresInSeconds: expires,
              SessionExpirationDurationInSeconds: session,
            }),
            { abortSignal: signal },
          ),
        (out) => out.AuthorizedUrl,
      );
    },

    async startSpace(region, space, instanceType) {
      checkName('DomainId', space.domainId, 'CreateApp');
      checkName('SpaceName', space.spaceName, 'CreateApp');
      forgetApps(region, space.domainId);
      const appType = space.appType ?? (await spaces.describeSpace(region, space.domainId, space.spaceName)).appType;
      if (!appType) {
        throw new AwsError('validation', `The space "${space.spaceName}" has no app type set, so there is no app to start.`, { operation: 'CreateApp' });
      }
      await core.call(region, 'CreateApp', (c, sdk) =>
        c.send(
          new sdk.CreateAppCommand({
            DomainId: space.domainId,
            SpaceName: space.spaceName,
            AppType: appType as never,
            // Spaces run one app, which Studio itself names "default".
            AppName: 'default',
            ResourceSpec: instanceType ? { InstanceType: instanceType as never } : undefined,
          }),
        ),
      );
    },

    async stopSpace(region, space) {
      checkName('DomainId', space.domainId, 'DeleteApp');
      checkName('SpaceName', space.spaceName, 'DeleteApp');
      forgetApps(region, space.domainId);
      let app = space.app;
      if (!app || app.status === 'Deleted') {
        app = (await spaces.describeSpace(region, space.domainId, space.spaceName)).app;
      }
      if (!app || app.status === 'Deleted' || app.status === 'Deleting') {
        return; // already stopped or stopping
      }
      const { appName, appType } = app;
      await core.call(region, 'DeleteApp', (c, sdk) =>
        c.send(new sdk.DeleteAppCommand({ DomainId: space.domainId, SpaceName: space.spaceName, AppName: appName, AppType: appType as never })),
      );
    },

    waitForSpace(region, domainId, spaceName, target, o) {
      return waitUntil(
        `Space "${spaceName}"`,
        (signal) => spaces.describeSpace(region, domainId, spaceName, signal),
        (s) => s.appState,
        (s) => s.appState === target,
        (s) => s.appState === 'Failed',
        o,
      );
    },
  };
  return spaces;
}
