/**
 * What runs (and is billed) in a region, found with bounded calls: notebook instances by
 * `StatusEquals: InService`, MLflow tracking servers by `TrackingServerStatus` (Created, Updated,
 * Started: billed until stopped), and the apps of each domain a page at a time (ListApps has no
 * status filter), kept when InService on a space. Each part fails on its own: the others are
 * still reported, with the problem named.
 */
import type { AppDetails } from '@aws-sdk/client-sagemaker';
import type { AwsCore } from './core';
import { AwsError } from './errors';

/** What a scan found running. `since` is when it started, or (sinceIsBound) the last change before that. */
export interface RunningEnvironment {
  readonly kind: 'space' | 'notebook' | 'mlflowTrackingServer';
  readonly region: string;
  /** The space, notebook instance or tracking server name. */
  readonly name: string;
  readonly domainId?: string;
  readonly appType?: string;
  readonly appName?: string;
  /** The ML instance type, e.g. ml.g5.xlarge (a tracking server has a size instead, which its list does not say). */
  readonly instanceType?: string;
  readonly since?: Date;
  /** True when `since` is a LastModifiedTime: it has run at least since then. */
  readonly sinceIsBound: boolean;
}

export interface RunningScan {
  readonly region: string;
  readonly items: readonly RunningEnvironment[];
  /** SDK calls the scan made, by operation. */
  readonly calls: Readonly<Record<string, number>>;
  /** Parts that failed (a list denied, throttled, ...), each once: "ListApps (d-…): message". */
  readonly problems: readonly string[];
  /** The first throttling error, if any part was throttled (the caller backs off). */
  readonly throttled: boolean;
  /** A list stopped at the page bound before its end. */
  readonly truncated: boolean;
}

export interface ScanOptions {
  readonly signal?: AbortSignal;
  /** Pages read at most per list (default 50: 5,000 apps of a domain). */
  readonly maxPages?: number;
}

/** Tracking server states that are billed (DESIGN: "Created, Updated, Started: billed until stopped"). */
export const BILLED_TRACKING_SERVER_STATES = ['Created', 'Updated', 'Started'] as const;

/** The running part of SageMakerAccess. */
export interface RunningAccess {
  /** One region's running environments. Never throws for a failed part: see `problems`. */
  scanRunning(region: string, o?: ScanOptions): Promise<RunningScan>;
}

const PAGE = 100;

export function runningAccess(core: AwsCore): RunningAccess {
  return {
    async scanRunning(region, o = {}) {
      const maxPages = o.maxPages ?? 50;
      const calls: Record<string, number> = {};
      const problems: string[] = [];
      let throttled = false;
      let truncated = false;
      const items: RunningEnvironment[] = [];

      /** Reads every page of one list (up to maxPages), counting calls; a failure ends that list only. */
      async function pages<Out extends { NextToken?: string }>(operation: string, label: string, send: (token: string | undefined) => Promise<Out>, each: (out: Out) => void): Promise<void> {
        let token: string | undefined;
        for (let page = 0; page < maxPages; page++) {
          calls[operation] = (calls[operation] ?? 0) + 1;
          let out: Out;
          try {
            out = await send(token);
          } catch (e) {
            if (e instanceof AwsError && e.kind === 'cancelled') {
              throw e;
            }
            throttled ||= e instanceof AwsError && e.kind === 'throttled';
            problems.push(`${label}: ${e instanceof AwsError ? e.userMessage : String(e)}`);
            return;
          }
          each(out);
          token = out.NextToken || undefined;
          if (!token) {
            return;
          }
        }
        truncated = true;
      }

      const notebooks = pages(
        'ListNotebookInstances',
        'ListNotebookInstances',
        (token) => core.call(region, 'ListNotebookInstances', (c, sdk) => c.send(new sdk.ListNotebookInstancesCommand({ StatusEquals: 'InService', MaxResults: PAGE, NextToken: token }), { abortSignal: o.signal })),
        (out) => {
          for (const n of out.NotebookInstances ?? []) {
            // LastModifiedTime: the last start (or any later change), so only a bound.
            items.push({ kind: 'notebook', region, name: n.NotebookInstanceName ?? '', instanceType: n.InstanceType, since: n.LastModifiedTime, sinceIsBound: true });
          }
        },
      );
      const servers = Promise.all(
        BILLED_TRACKING_SERVER_STATES.map((status) =>
          pages(
            'ListMlflowTrackingServers',
            `ListMlflowTrackingServers (${status})`,
            (token) =>
              core.call(region, 'ListMlflowTrackingServers', (c, sdk) =>
                c.send(new sdk.ListMlflowTrackingServersCommand({ TrackingServerStatus: status, MaxResults: PAGE, NextToken: token }), { abortSignal: o.signal }),
              ),
            (out) => {
              for (const s of out.TrackingServerSummaries ?? []) {
                items.push({ kind: 'mlflowTrackingServer', region, name: s.TrackingServerName ?? '', since: s.LastModifiedTime, sinceIsBound: true });
              }
            },
          ),
        ),
      );
      const domainIds: string[] = [];
      await pages(
        'ListDomains',
        'ListDomains',
        (token) => core.call(region, 'ListDomains', (c, sdk) => c.send(new sdk.ListDomainsCommand({ MaxResults: PAGE, NextToken: token }), { abortSignal: o.signal })),
        (out) => domainIds.push(...(out.Domains ?? []).flatMap((d) => (d.DomainId ? [d.DomainId] : []))),
      );
      // One domain at a time, a page at a time: the scan never floods the account's call rate.
      for (const domainId of domainIds) {
        await pages(
          'ListApps',
          `ListApps (${domainId})`,
          (token) => core.call(region, 'ListApps', (c, sdk) => c.send(new sdk.ListAppsCommand({ DomainIdEquals: domainId, MaxResults: PAGE, NextToken: token }), { abortSignal: o.signal })),
          (out) => {
            for (const a of out.Apps ?? []) {
              const found = runningSpaceApp(region, a);
              if (found) {
                items.push(found);
              }
            }
          },
        );
      }
      await Promise.all([notebooks, servers]);
      return { region, items, calls, problems, throttled, truncated };
    },
  };
}

/** A running app of a space, as a running environment; undefined for anything else. */
function runningSpaceApp(region: string, a: AppDetails): RunningEnvironment | undefined {
  const instanceType = a.ResourceSpec?.InstanceType;
  // A legacy per-user app, or one on the free `system` instance (RStudio's server), is not a space's bill.
  if (a.Status !== 'InService' || !a.SpaceName || instanceType === 'system') {
    return undefined;
  }
  return { kind: 'space', region, name: a.SpaceName, domainId: a.DomainId, appType: a.AppType, appName: a.AppName, instanceType, since: a.CreationTime, sinceIsBound: false };
}
