/** Notebook instances: list, describe, presign (JupyterLab or Jupyter), start, stop, wait. */
import { check, checkName } from './checks';
import type { AwsCore } from './core';
import { AwsError } from './errors';
import { toNotebookInstance } from './mapping';
import type { NotebookInstance, Page, PresignedUrl } from './model';
import { listPage } from './paging';
import { presign, sessionLifetime } from './presign';
import type { ListOptions, WaitOptions } from './options';
import { validateRegion } from './validation';
import { waitUntil } from './waiting';

/** How long a notebook instance URL works (fixed by the service). */
const NOTEBOOK_URL_LIFETIME_S = 300;

export type NotebookUi = 'JupyterLab' | 'Jupyter';

export interface NotebookUrlRequest {
  notebookInstanceName: string;
  ui: NotebookUi;
  /** 1800-43200, default 43200. */
  sessionExpirationDurationInSeconds?: number;
}

/** The notebook instance part of SageMakerAccess. */
export interface NotebookAccess {
  listNotebookInstances(region: string, o?: ListOptions): Promise<Page<NotebookInstance>>;
  describeNotebookInstance(region: string, name: string, signal?: AbortSignal): Promise<NotebookInstance>;
  startNotebookInstance(region: string, name: string): Promise<void>;
  stopNotebookInstance(region: string, name: string): Promise<void>;
  waitForNotebookInstance(region: string, name: string, target: 'InService' | 'Stopped', o?: WaitOptions): Promise<NotebookInstance>;
}

/** Its presigned URL, made through SageMakerAccess.presignUrl (./urlCalls.ts), keyed by its operation. */
export interface NotebookPresigning {
  presignNotebookUrl(region: string, r: NotebookUrlRequest, signal?: AbortSignal): Promise<PresignedUrl>;
}

export function notebookAccess(core: AwsCore): NotebookAccess & NotebookPresigning {
  const notebooks: NotebookAccess & NotebookPresigning = {
    listNotebookInstances(region, o) {
      return listPage(
        core,
        region,
        'ListNotebookInstances',
        o,
        (c, sdk) =>
          c.send(
            new sdk.ListNotebookInstancesCommand({ NameContains: o?.nameContains || undefined, NextToken: o?.nextToken, MaxResults: o?.maxResults }),
            { abortSignal: o?.signal },
          ),
        (out) => (out.NotebookInstances ?? []).map((n) => toNotebookInstance(region, n)),
      );
    },

    async describeNotebookInstance(region, name, signal) {
      checkName('NotebookInstanceName', name, 'DescribeNotebookInstance');
      const out = await core.call(region, 'DescribeNotebookInstance', (c, sdk) =>
        c.send(new sdk.DescribeNotebookInstanceCommand({ NotebookInstanceName: name }), { abortSignal: signal }),
      );
      return toNotebookInstance(region, out);
    },

    async presignNotebookUrl(region, r, signal) {
      const op = 'CreatePresignedNotebookInstanceUrl';
      check(validateRegion(region), op);
      checkName('NotebookInstanceName', r.notebookInstanceName, op);
      if (r.ui !== 'JupyterLab' && r.ui !== 'Jupyter') {
        throw new AwsError('validation', `The notebook UI must be JupyterLab or Jupyter; got "${String(r.ui)}".`, { operation: op });
      }
      const session = sessionLifetime(r.sessionExpirationDurationInSeconds, op);
      const presigned = await presign(
        core,
        region,
        op,
        { expiresInSeconds: NOTEBOOK_URL_LIFETIME_S, sessionExpirationDurationInSeconds: session },
        (c, sdk) =>
          c.send(
            new sdk.CreatePresignedNotebookInstanceUrlCommand({ NotebookInstanceName: r.notebookInstanceName, SessionExpirationDurationInSeconds: session }),
            { abortSignal: signal },
          ),
        (out) => out.AuthorizedUrl,
      );
      return r.ui === 'JupyterLab' ? { ...presigned, url: withJupyterLabView(presigned.url) } : presigned;
    },

    async startNotebookInstance(region, name) {
      checkName('NotebookInstanceName', name, 'StartNotebookInstance');
      await core.call(region, 'StartNotebookInstance', (c, sdk) => c.send(new sdk.StartNotebookInstanceCommand({ NotebookInstanceName: name })));
    },

    async stopNotebookInstance(region, name) {
      checkName('NotebookInstanceName', name, 'StopNotebookInstance');
      await core.call(region, 'StopNotebookInstance', (c, sdk) => c.send(new sdk.StopNotebookInstanceCommand({ NotebookInstanceName: name })));
    },

    waitForNotebookInstance(region, name, target, o) {
      return waitUntil(
        `Notebook instance "${name}"`,
        (signal) => notebooks.describeNotebookInstance(region, name, signal),
        (n) => n.status ?? 'Unknown',
        (n) => n.status === target,
        (n) => n.status === 'Failed' || n.status === 'Deleting',
        o,
      );
    },
  };
  return notebooks;
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
