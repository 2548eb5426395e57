/**
 * The pages presigned URLs open: before their expiry, a small page standing in for Studio,
 * JupyterLab, Code Editor, RStudio or Jupyter that names what was opened and the session
 * lifetime; after it, a 302 to a sign-in page, as AWS redirects to the console sign-in.
 */
import type { PresignedGrant } from './presigned';

export interface Page {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const APP_TITLES: Record<string, string> = {
  JupyterServer: 'Studio Classic',
  JupyterLab: 'JupyterLab',
  CodeEditor: 'Code Editor',
  RStudioServerPro: 'RStudio',
  Canvas: 'Canvas',
};

function html(title: string, rows: [string, string][], note = ''): string {
  const items = rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td data-field="${escapeHtml(k)}">${escapeHtml(v)}</td></tr>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}th{text-align:left;padding-right:1rem}.note{color:#666}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<table>
${items}
</table>
<p class="note">${escapeHtml(note || 'Served by the local SageMaker emulator.')}</p>
</body></html>
`;
}

const page = (status: number, body: string, headers: Record<string, string> = {}): Page => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body,
});

export const signInPath = '/signin';

export function signInPage(): Page {
  return page(200, html('Sign in to the AWS Management Console', [['Status', 'The presigned URL you used has expired. Sign in again.']], 'Emulated console sign-in page.'));
}

function redirectToSignIn(): Page {
  return page(302, '', { location: `${signInPath}?reason=expired` });
}

function lifetimeRows(g: PresignedGrant): [string, string][] {
  return [
    ['Session lifetime (seconds)', String(g.sessionExpirationDurationInSeconds)],
    ['Session expires at', g.sessionExpiresAt.toISOString()],
    ['URL lifetime (seconds)', String(g.expiresInSeconds)],
    ['Region', g.region],
  ];
}

/** GET /auth?token=... for CreatePresignedDomainUrl; `appTypeOfSpace` looks up what the space runs. */
export function domainPage(grant: PresignedGrant | undefined, now: Date, appTypeOfSpace: (g: PresignedGrant) => string | undefined): Page {
  if (!grant || grant.kind !== 'domain') {
    return page(403, html('Access denied', [['Status', 'The authorization token is not valid.']]));
  }
  if (now.getTime() >= grant.expiresAt.getTime()) {
    grant.openedAfterExpiry++;
    return redirectToSignIn();
  }
  grant.openedBeforeExpiry++;
  const landing = grant.landingUri ?? '';
  const landingApp = /^app:([A-Za-z]+):/.exec(landing)?.[1];
  const app = landingApp ?? (landing.startsWith('studio::') ? undefined : appTypeOfSpace(grant));
  const title = app ? APP_TITLES[app] ?? app : 'SageMaker Studio';
  return page(
    200,
    html(title, [
      ['Application', title],
      ['Domain', grant.domainId ?? ''],
      ['User profile', grant.userProfileName ?? ''],
      ['Space', grant.spaceName ?? '(none)'],
      ['Landing page', landing || '(default)'],
      ...lifetimeRows(grant),
    ]),
  );
}

/** GET /notebook/<name>[/lab|/tree...]?authToken=... for CreatePresignedNotebookInstanceUrl. */
export function notebookPage(grant: PresignedGrant | undefined, name: string, rest: string, now: Date, view?: string | null): Page {
  if (!grant || grant.kind !== 'notebook' || grant.notebookInstanceName !== name) {
    return page(403, html('Access denied', [['Status', 'The authToken is not valid for this notebook instance.']]));
  }
  if (now.getTime() >= grant.expiresAt.getTime()) {
    grant.openedAfterExpiry++;
    return redirectToSignIn();
  }
  grant.openedBeforeExpiry++;
  // JupyterLab by path, or by `view=lab` as the AWS console's "Open JupyterLab" link adds to the URL.
  const lab = rest === '/lab' || rest.startsWith('/lab/') || view === 'lab';
  const title = lab ? 'JupyterLab' : 'Jupyter';
  return page(200, html(title, [['Application', title], ['Notebook instance', name], ['Path', rest || '/'], ...lifetimeRows(grant)]));
}
