/** The SageMaker access object: listings, presigned URLs, start/stop and waiting. */
import type { AppDetails, ListAppsCommandOutput as ListAppsPage, SageMakerClient, SpaceDetails } from '@aws-sdk/client-sagemaker';
import { ClientPool, loadSageMakerSdk, type SageMakerSdk } from './clients';
import { AwsError, toAwsError } from './errors';
import { describedSpaceToDetails, toDomain, toNotebookInstance, toSpace, toUserProfile } from './mapping';
import type { Domain, NotebookInstance, Page, PresignedUrl, Space, UserProfile } from './model';
import { effectiveUserProfile } from './ownership';
import { effectiveProfileName, profileRegion } from './profiles';
import type {
  AwsHooks,
  AwsSettings,
  AwsTuning,
  DomainUrlRequest,
  ListOptions,
  NotebookUrlRequest,
  SageMakerAccess,
  SpaceOwnership,
  WaitOptions,
} from './types';
import {
  LIMITS,
  validateEndpointUrl,
  validateExpiresInSeconds,
  validateLandingUri,
  validateName,
  validateRegion,
  validateSessionExpiration,
  type NamedField,
} from './validation';

/** ListSpaces pages read at most per listSpacesFor call while none of them holds a space for the profile. */
const MAX_SPACE_PAGES_PER_CALL = 5;
/** At most this many spaces left unseen in the domain's app listing are asked for one by one. */
const SPACES_ASKED_ONE_BY_ONE = 4;
/** How long a complete read of a domain's apps serves the "Load more" pages of a space listing. */
const APPS_REUSE_FOR_LOAD_MORE_MS = 60_000;
/** How long a notebook instance URL works (fixed by the service). */
const NOTEBOOK_URL_LIFETIME_S = 300;

function check(message: string | undefined, operation?: string): void {
  if (message !== undefined) {
    throw new AwsError('validation', message, { operation });
  }
}

function checkName(field: NamedField, v: unknown, operation?: string): void {
  check(validateName(field, v), operation);
}

function checkMaxResults(o: ListOptions | undefined): void {
  const m = o?.maxResults;
  if (m !== undefined && (!Number.isInteger(m) || m < 1 || m > 100)) {
    throw new AwsError('validation', `maxResults must be a whole number from 1 to 100; got ${m}.`);
  }
}

function cancelled(operation?: string): AwsError {
  return new AwsError('cancelled', 'The request was cancelled.', { operation });
}

/** Sleeps, but wakes with a 'cancelled' error as soon as the signal aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class SageMakerAccessImpl implements SageMakerAccess {
  private readonly pool: ClientPool;
  /** Sharing type and owner of the spaces seen in listings, for the owner rule without an extra call. */
  private readonly ownership = new Map<string, SpaceOwnership>();
  /** The newest app of every space of a domain, from a complete ListApps read, for "Load more". */
  private readonly domainApps = new Map<string, { apps: Map<string, AppDetails>; at: number }>();

  readonly settings: AwsSettings;

  constructor(settings: AwsSettings, hooks: AwsHooks = {}, tuning: AwsTuning = {}) {
    // Blank strings from settings mean "not set".
    this.settings = {
      profile: settings.profile?.trim() || undefined,
      regions: settings.regions,
      endpointUrl: settings.endpointUrl?.trim() || undefined,
    };
    this.pool = new ClientPool(this.settings, hooks, tuning);
  }

  /** Runs one SDK call with the error mapping every method shares. */
  private async call<T>(region: string, operation: string, fn: (client: SageMakerClient, sdk: SageMakerSdk) => Promise<T>): Promise<T> {
    check(validateRegion(region), operation);
    if (this.settings.endpointUrl !== undefined) {
      check(validateEndpointUrl(this.settings.endpointUrl), operation);
    }
    try {
      const [client, sdk] = await Promise.all([this.pool.get(region), loadSageMakerSdk()]);
      return await fn(client, sdk);
    } catch (e) {
      throw toAwsError(e, { operation, profile: this.settings.profile, region });
    }
  }

  async resolveRegions(): Promise<string[]> {
    const explicit = (this.settings.regions ?? []).map((r) => r.trim()).filter((r) => r.length > 0);
    let regions: string[];
    let source: string;
    if (explicit.length > 0) {
      regions = [...new Set(explicit)];
      source = 'the sagemaker.regions setting';
    } else {
      let fromProfile: string | undefined;
      try {
        fromProfile = await profileRegion(this.settings.profile);
      } catch (e) {
        throw toAwsError(e, { profile: this.settings.profile });
      }
      const fromEnv = process.env.AWS_REGION?.trim() || process.env.AWS_DEFAULT_REGION?.trim() || undefined;
      const region = fromProfile ?? fromEnv;
      if (!region) {
        throw new AwsError(
          'validation',
          `No AWS region is set: choose regions in the sagemaker.regions setting, set "region" in the profile "${effectiveProfileName(this.settings.profile)}", or set AWS_REGION.`,
          { action: { label: 'Open Settings', kind: 'open-settings' } },
        );
      }
      regions = [region];
      source = fromProfile ? `the profile's region setting` : 'AWS_REGION / AWS_DEFAULT_REGION';
    }
    for (const r of regions) {
      const problem = validateRegion(r);
      if (problem) {
        throw new AwsError('validation', `${problem} (from ${source})`, { action: { label: 'Open Settings', kind: 'open-settings' } });
      }
    }
    return regions;
  }

  async listDomains(region: string, o?: ListOptions): Promise<Page<Domain>> {
    checkMaxResults(o);
    const out = await this.call(region, 'ListDomains', (c, sdk) =>
      c.send(new sdk.ListDomainsCommand({ NextToken: o?.nextToken, MaxResults: o?.maxResults }), { abortSignal: o?.signal }),
    );
    // ListDomains has no server-side name filter; the filter applies to the page read.
    const needle = o?.nameContains?.toLowerCase();
    const items = (out.Domains ?? [])
      .map((d) => toDomain(region, d))
      .filter((d) => !needle || d.domainName.toLowerCase().includes(needle) || d.domainId.includes(needle));
    return { items, nextToken: out.NextToken || undefined };
  }

  async listUserProfiles(region: string, domainId: string, o?: ListOptions): Promise<Page<UserProfile>> {
    checkName('DomainId', domainId, 'ListUserProfiles');
    checkMaxResults(o);
    const out = await this.call(region, 'ListUserProfiles', (c, sdk) =>
      c.send(
        new sdk.ListUserProfilesCommand({
          DomainIdEquals: domainId,
          UserProfileNameContains: o?.nameContains || undefined,
          NextToken: o?.nextToken,
          MaxResults: o?.maxResults,
        }),
        { abortSignal: o?.signal },
      ),
    );
    return { items: (out.UserProfiles ?? []).map((p) => toUserProfile(region, p)), nextToken: out.NextToken || undefined };
  }

  async listNotebookInstances(region: string, o?: ListOptions): Promise<Page<NotebookInstance>> {
    checkMaxResults(o);
    const out = await this.call(region, 'ListNotebookInstances', (c, sdk) =>
      c.send(
        new sdk.ListNotebookInstancesCommand({ NameContains: o?.nameContains || undefined, NextToken: o?.nextToken, MaxResults: o?.maxResults }),
        { abortSignal: o?.signal },
      ),
    );
    return { items: (out.NotebookInstances ?? []).map((n) => toNotebookInstance(region, n)), nextToken: out.NextToken || undefined };
  }

  private hasFreshDomainApps(region: string, domainId: string, reuseForMs: number): boolean {
    const cached = this.domainApps.get(JSON.stringify([region, domainId]));
    return cached !== undefined && Date.now() - cached.at <= reuseForMs;
  }

  /** One ListApps call: apps of the domain (or of one space), newest first. */
  private listAppsPage(
    region: string,
    domainId: string,
    spaceName: string | undefined,
    maxResults: number,
    nextToken: string | undefined,
    signal?: AbortSignal,
  ): Promise<ListAppsPage> {
    return this.call(region, 'ListApps', (c, sdk) =>
      c.send(
        new sdk.ListAppsCommand({
          DomainIdEquals: domainId,
          SpaceNameEquals: spaceName,
          NextToken: nextToken,
          MaxResults: maxResults,
          SortBy: 'CreationTime',
          SortOrder: 'Descending',
        }),
        { abortSignal: signal },
      ),
    );
  }

  /**
   * The current (newest) app of each named space. ListApps lists newest first, so the first app
   * seen for a space is its current one.
   * - One space: one call (SpaceNameEquals, MaxResults 1).
   * - Several: the domain's apps, page by page, until every space has been seen. When only a few
   *   spaces are left unseen and reading on has already cost as many calls, one call per unseen
   *   space instead. A complete read of the domain is kept for `reuseForMs`, so "Load more"
   *   pages of the same listing cost no ListApps call.
   */
  private async currentApps(
    region: string,
    domainId: string,
    spaceNames: readonly string[],
    signal?: AbortSignal,
    reuseForMs = 0,
    firstDomainPage?: Promise<ListAppsPage>,
  ): Promise<Map<string, AppDetails>> {
    const wanted = new Set(spaceNames);
    const found = new Map<string, AppDetails>();
    const oneSpace = async (name: string): Promise<void> => {
      const app = (await this.listAppsPage(region, domainId, name, 1, undefined, signal)).Apps?.[0];
      if (app) {
        found.set(name, app);
      }
    };
    const key = JSON.stringify([region, domainId]);
    const cached = this.domainApps.get(key);
    if (cached && this.hasFreshDomainApps(region, domainId, reuseForMs)) {
      return cached.apps;
    }
    if (wanted.size <= 1 && !firstDomainPage) {
      await Promise.all([...wanted].map(oneSpace));
      return found;
    }
    const all = new Map<string, AppDetails>();
    let nextToken: string | undefined;
    let pages = 0;
    for (;;) {
      const out = await ((pages === 0 ? firstDomainPage : undefined) ?? this.listAppsPage(region, domainId, undefined, 100, nextToken, signal));
      pages++;
      for (const a of out.Apps ?? []) {
        if (a.SpaceName && !all.has(a.SpaceName)) {
          all.set(a.SpaceName, a);
          found.set(a.SpaceName, a);
          wanted.delete(a.SpaceName);
        }
      }
      nextToken = out.NextToken || undefined;
      if (!nextToken) {
        this.domainApps.set(key, { apps: all, at: Date.now() });
        return found;
      }
      if (wanted.size === 0) {
        return found;
      }
      if (wanted.size <= SPACES_ASKED_ONE_BY_ONE && pages >= wanted.size) {
        await Promise.all([...wanted].map(oneSpace));
        return found;
      }
    }
  }

  private remember(s: Space): void {
    this.ownership.set(JSON.stringify([s.region, s.domainId, s.spaceName]), { sharingType: s.sharingType, ownerUserProfileName: s.ownerUserProfileName });
  }

  async listSpacesFor(region: string, domainId: string, userProfileName: string, o?: ListOptions): Promise<Page<Space>> {
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
    const firstDomainPage = this.hasFreshDomainApps(region, domainId, reuse)
      ? undefined
      : this.listAppsPage(region, domainId, undefined, 100, undefined, o?.signal);
    // If ListSpaces fails first, this one's failure is not an unhandled rejection; awaited below.
    firstDomainPage?.catch(() => undefined);
    for (let pages = 0; pages < MAX_SPACE_PAGES_PER_CALL; pages++) {
      const out = await this.call(region, 'ListSpaces', (c, sdk) =>
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
    const apps = await this.currentApps(region, domainId, details.map((s) => s.SpaceName ?? ''), o?.signal, reuse, firstDomainPage);
    const items = details.map((s) => toSpace(region, s, apps.get(s.SpaceName ?? '')));
    items.forEach((s) => this.remember(s));
    return { items, nextToken };
  }

  async describeSpace(region: string, domainId: string, spaceName: string, signal?: AbortSignal): Promise<Space> {
    checkName('DomainId', domainId, 'DescribeSpace');
    checkName('SpaceName', spaceName, 'DescribeSpace');
    const [described, apps] = await Promise.all([
      this.call(region, 'DescribeSpace', (c, sdk) => c.send(new sdk.DescribeSpaceCommand({ DomainId: domainId, SpaceName: spaceName }), { abortSignal: signal })),
      this.currentApps(region, domainId, [spaceName], signal),
    ]);
    const space = toSpace(region, describedSpaceToDetails(described), apps.get(spaceName));
    this.remember(space);
    return space;
  }

  async describeNotebookInstance(region: string, name: string, signal?: AbortSignal): Promise<NotebookInstance> {
    checkName('NotebookInstanceName', name, 'DescribeNotebookInstance');
    const out = await this.call(region, 'DescribeNotebookInstance', (c, sdk) =>
      c.send(new sdk.DescribeNotebookInstanceCommand({ NotebookInstanceName: name }), { abortSignal: signal }),
    );
    return toNotebookInstance(region, out);
  }

  /** The space's sharing type and owner: from the request, else from a listing seen, else DescribeSpace. */
  private async ownershipOf(region: string, r: DomainUrlRequest, signal?: AbortSignal): Promise<SpaceOwnership | undefined> {
    if (!r.spaceName) {
      return undefined;
    }
    if (r.spaceInfo?.sharingType) {
      return r.spaceInfo;
    }
    const known = this.ownership.get(JSON.stringify([region, r.domainId, r.spaceName]));
    if (known?.sharingType) {
      return known;
    }
    const out = await this.call(region, 'DescribeSpace', (c, sdk) =>
      c.send(new sdk.DescribeSpaceCommand({ DomainId: r.domainId, SpaceName: r.spaceName }), { abortSignal: signal }),
    );
    const info: SpaceOwnership = {
      sharingType: out.SpaceSharingSettings?.SharingType === 'Private' ? 'Private' : out.SpaceSharingSettings?.SharingType === 'Shared' ? 'Shared' : undefined,
      ownerUserProfileName: out.OwnershipSettings?.OwnerUserProfileName,
    };
    this.ownership.set(JSON.stringify([region, r.domainId, r.spaceName]), info);
    return info;
  }

  async presignDomainUrl(region: string, r: DomainUrlRequest, signal?: AbortSignal): Promise<PresignedUrl> {
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
    const expires = r.expiresInSeconds ?? LIMITS.expiresInSeconds.max;
    const session = r.sessionExpirationDurationInSeconds ?? LIMITS.sessionExpirationDurationInSeconds.max;
    check(validateExpiresInSeconds(expires), op);
    check(validateSessionExpiration(session), op);

    const owner = await this.ownershipOf(region, r, signal);
    const userProfileName = effectiveUserProfile(r, owner);
    const requestedAt = Date.now();
    const out = await this.call(region, op, (c, sdk) =>
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
    );
    if (!out.AuthorizedUrl) {
      throw new AwsError('service', 'SageMaker returned no URL for CreatePresignedDomainUrl.', { operation: op });
    }
    // The session starts when the URL is opened: sessionExpiresAt assumes it is opened at once.
    return { url: out.AuthorizedUrl, expiresAt: new Date(requestedAt + expires * 1000), sessionExpiresAt: new Date(requestedAt + session * 1000) };
  }

  async presignNotebookUrl(region: string, r: NotebookUrlRequest, signal?: AbortSignal): Promise<PresignedUrl> {
    const op = 'CreatePresignedNotebookInstanceUrl';
    check(validateRegion(region), op);
    checkName('NotebookInstanceName', r.notebookInstanceName, op);
    if (r.ui !== 'JupyterLab' && r.ui !== 'Jupyter') {
      throw new AwsError('validation', `The notebook UI must be JupyterLab or Jupyter; got "${String(r.ui)}".`, { operation: op });
    }
    const session = r.sessionExpirationDurationInSeconds ?? LIMITS.sessionExpirationDurationInSeconds.max;
    check(validateSessionExpiration(session), op);
    const requestedAt = Date.now();
    const out = await this.call(region, op, (c, sdk) =>
      c.send(
        new sdk.CreatePresignedNotebookInstanceUrlCommand({ NotebookInstanceName: r.notebookInstanceName, SessionExpirationDurationInSeconds: session }),
        { abortSignal: signal },
      ),
    );
    if (!out.AuthorizedUrl) {
      throw new AwsError('service', 'SageMaker returned no URL for CreatePresignedNotebookInstanceUrl.', { operation: op });
    }
    return {
      url: r.ui === 'JupyterLab' ? withJupyterLabView(out.AuthorizedUrl) : out.AuthorizedUrl,
      expiresAt: new Date(requestedAt + NOTEBOOK_URL_LIFETIME_S * 1000),
      sessionExpiresAt: new Date(requestedAt + session * 1000),
    };
  }

  async startNotebookInstance(region: string, name: string): Promise<void> {
    checkName('NotebookInstanceName', name, 'StartNotebookInstance');
    await this.call(region, 'StartNotebookInstance', (c, sdk) => c.send(new sdk.StartNotebookInstanceCommand({ NotebookInstanceName: name })));
  }

  async stopNotebookInstance(region: string, name: string): Promise<void> {
    checkName('NotebookInstanceName', name, 'StopNotebookInstance');
    await this.call(region, 'StopNotebookInstance', (c, sdk) => c.send(new sdk.StopNotebookInstanceCommand({ NotebookInstanceName: name })));
  }

  async startSpace(region: string, space: Space): Promise<void> {
    checkName('DomainId', space.domainId, 'CreateApp');
    checkName('SpaceName', space.spaceName, 'CreateApp');
    this.domainApps.delete(JSON.stringify([region, space.domainId])); // app states are about to change
    const appType = space.appType ?? (await this.describeSpace(region, space.domainId, space.spaceName)).appType;
    if (!appType) {
      throw new AwsError('validation', `The space "${space.spaceName}" has no app type set, so there is no app to start.`, { operation: 'CreateApp' });
    }
    await this.call(region, 'CreateApp', (c, sdk) =>
      c.send(
        new sdk.CreateAppCommand({
          DomainId: space.domainId,
          SpaceName: space.spaceName,
          AppType: appType as never,
          // Spaces run one app, which Studio itself names "default".
          AppName: 'default',
        }),
      ),
    );
  }

  async stopSpace(region: string, space: Space): Promise<void> {
    checkName('DomainId', space.domainId, 'DeleteApp');
    checkName('SpaceName', space.spaceName, 'DeleteApp');
    this.domainApps.delete(JSON.stringify([region, space.domainId])); // app states are about to change
    let app = space.app;
    if (!app || app.status === 'Deleted') {
      app = (await this.describeSpace(region, space.domainId, space.spaceName)).app;
    }
    if (!app || app.status === 'Deleted' || app.status === 'Deleting') {
      return; // already stopped or stopping
    }
    const { appName, appType } = app;
    await this.call(region, 'DeleteApp', (c, sdk) =>
      c.send(new sdk.DeleteAppCommand({ DomainId: space.domainId, SpaceName: space.spaceName, AppName: appName, AppType: appType as never })),
    );
  }

  /** Polls `read` until `done` says the target is reached; reports each new status; times out; cancels. */
  private async waitUntil<T>(
    what: string,
    read: (signal: AbortSignal | undefined) => Promise<T>,
    statusOf: (t: T) => string,
    done: (t: T) => boolean,
    failed: (t: T) => boolean,
    o: WaitOptions = {},
  ): Promise<T> {
    const timeoutMs = o.timeoutMs ?? 15 * 60_000;
    const pollMs = o.pollMs ?? 5000;
    const deadline = Date.now() + timeoutMs;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const signal = o.signal ? AbortSignal.any([o.signal, timeout.signal]) : timeout.signal;
    let last: string | undefined;
    try {
      for (;;) {
        let t: T;
        try {
          t = await read(signal);
          const status = statusOf(t);
          if (status !== last) {
            last = status;
            o.onProgress?.(status);
          }
          if (done(t)) {
            return t;
          }
          if (failed(t)) {
            throw new AwsError('service', `${what} is ${status}, so it cannot reach the state asked for.`);
          }
          await sleep(Math.max(0, Math.min(pollMs, deadline - Date.now())), signal);
        } catch (e) {
          if (o.signal?.aborted) {
            throw new AwsError('cancelled', `Stopped waiting for ${what}: cancelled.`, { cause: e });
          }
          if (timeout.signal.aborted) {
            throw new AwsError('timeout', `${what} did not reach the state asked for within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`} (last status: ${last ?? 'unknown'}).`, {
              cause: e,
              action: { label: 'Retry', kind: 'retry' },
            });
          }
          throw e;
        }
      }
    } finally {
      clearTimeout(timer);
    }
  }

  waitForNotebookInstance(region: string, name: string, target: 'InService' | 'Stopped', o?: WaitOptions): Promise<NotebookInstance> {
    return this.waitUntil(
      `Notebook instance "${name}"`,
      (signal) => this.describeNotebookInstance(region, name, signal),
      (n) => n.status ?? 'Unknown',
      (n) => n.status === target,
      (n) => n.status === 'Failed' || n.status === 'Deleting',
      o,
    );
  }

  waitForSpace(region: string, domainId: string, spaceName: string, target: 'Running' | 'Stopped', o?: WaitOptions): Promise<Space> {
    return this.waitUntil(
      `Space "${spaceName}"`,
      (signal) => this.describeSpace(region, domainId, spaceName, signal),
      (s) => s.appState,
      (s) => s.appState === target,
      (s) => s.appState === 'Failed',
      o,
    );
  }

  dispose(): void {
    this.pool.dispose();
  }
}

/**
 * Makes a notebook instance URL land in JupyterLab. The AWS console's "Open JupyterLab" adds
 * `view=lab` to the URL from CreatePresignedNotebookInstanceUrl; the instance then redirects
 * to `/lab` after sign-in. The path and the auth token are left as they are.
 */
export function withJupyterLabView(authorizedUrl: string): string {
  let url: URL;
  try {
    url = new URL(authorizedUrl);
  } catch {
    // Never let the URL (a credential) travel in an error: Node's TypeError carries the input.
    throw new AwsError('service', 'SageMaker returned a notebook URL that is not valid.', { operation: 'CreatePresignedNotebookInstanceUrl' });
  }
  if (url.searchParams.get('view') === 'lab') {
    return authorizedUrl;
  }
  const hadView = url.searchParams.has('view');
  url.searchParams.delete('view');
  // Appended to the text as the service wrote it: re-serialising through URL would rewrite the
  // host (e.g. 127.1 to 127.0.0.1) and re-encode the token.
  const base = hadView ? `${authorizedUrl.split('?')[0]}?${url.searchParams.toString()}` : authorizedUrl;
  return `${base}${base.includes('?') ? '&' : '?'}view=lab`;
}
