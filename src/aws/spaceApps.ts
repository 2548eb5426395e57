/**
 * The app states of Studio spaces: ListApps for one space or a whole domain (newest first, so the
 * first app seen of a space is its current one), with the domain's reads kept a while so "Load
 * more" and the palette do not ask for the same apps again. Used by ./spaces.ts.
 */
import type { AppDetails, ListAppsCommandOutput as ListAppsPage } from '@aws-sdk/client-sagemaker';
import type { AwsCore } from './core';

/** At most this many spaces left unseen in the domain's app listing are asked for one by one. */
const SPACES_ASKED_ONE_BY_ONE = 4;

/** The app readers of one access object (their caches are its own). */
export function spaceApps(core: AwsCore) {
  /** The newest app of every space of a domain, from a complete ListApps read, for "Load more". */
  const domainApps = new Map<string, { apps: Map<string, AppDetails>; at: number }>();
  /**
   * The domain's first ListApps page asked alongside a listing's first ListSpaces page: its later
   * pages (the palette reads them all, the tree on "Load more") reuse it for a while rather than
   * ask for the same 100 apps again.
   */
  const firstAppPages = new Map<string, { page: Promise<ListAppsPage>; at: number }>();

  /** The domain's first ListApps page for a listing: asked now, or a continuation's recent one. */
  function firstAppPage(region: string, domainId: string, o: { readonly nextToken?: string; readonly signal?: AbortSignal } | undefined, reuseForMs: number): Promise<ListAppsPage> {
    const key = JSON.stringify([region, domainId]);
    const recent = firstAppPages.get(key);
    if (o?.nextToken && recent && Date.now() - recent.at <= reuseForMs) {
      return recent.page;
    }
    const page = listAppsPage(region, domainId, undefined, 100, undefined, o?.signal);
    if (!o?.nextToken) {
      const entry = { page, at: Date.now() };
      firstAppPages.set(key, entry);
      // A failed (or cancelled) read is not reused.
      page.catch(() => firstAppPages.get(key) === entry && firstAppPages.delete(key));
    }
    return page;
  }

  /** App states are about to change (a start or stop): nothing read before is reused. */
  function forgetApps(region: string, domainId: string): void {
    const key = JSON.stringify([region, domainId]);
    domainApps.delete(key);
    firstAppPages.delete(key);
  }

  function hasFreshDomainApps(region: string, domainId: string, reuseForMs: number): boolean {
    const cached = domainApps.get(JSON.stringify([region, domainId]));
    return reuseForMs > 0 && cached !== undefined && Date.now() - cached.at <= reuseForMs;
  }

  /** One ListApps call: apps of the domain (or of one space), newest first. */
  function listAppsPage(
    region: string,
    domainId: string,
    spaceName: string | undefined,
    maxResults: number,
    nextToken: string | undefined,
    signal?: AbortSignal,
  ): Promise<ListAppsPage> {
    return core.call(region, 'ListApps', (c, sdk) =>
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
  async function currentApps(
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
      const app = (await listAppsPage(region, domainId, name, 1, undefined, signal)).Apps?.[0];
      if (app) {
        found.set(name, app);
      }
    };
    const key = JSON.stringify([region, domainId]);
    const cached = domainApps.get(key);
    if (cached && hasFreshDomainApps(region, domainId, reuseForMs)) {
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
      const out = await ((pages === 0 ? firstDomainPage : undefined) ?? listAppsPage(region, domainId, undefined, 100, nextToken, signal));
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
        domainApps.set(key, { apps: all, at: Date.now() });
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

  /** A complete read of the domain's apps made elsewhere (alongside a listing's first page): kept as currentApps keeps its own. */
  function keepDomainApps(region: string, domainId: string, apps: Map<string, AppDetails>): void {
    domainApps.set(JSON.stringify([region, domainId]), { apps, at: Date.now() });
  }

  return { firstAppPage, forgetApps, hasFreshDomainApps, keepDomainApps, listAppsPage, currentApps };
}
