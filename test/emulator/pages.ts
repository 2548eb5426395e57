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

/** `reason`: `expired` (the URL's lifetime passed) or `used` (a single-use MLflow URL opened again). */
export function signInPage(reason?: string | null): Page {
  const status = reason === 'used' ? 'The presigned URL you used was already used; it works once. Create a new one.' : 'The presigned URL you used has expired. Sign in again.';
  return page(200, html('Sign in to the AWS Management Console', [['Status', status]], 'Emulated console sign-in page.'));
}

function redirectToSignIn(reason: 'expired' | 'used' = 'expired'): Page {
  return page(302, '', { location: `${signInPath}?reason=${reason}` });
}

/**
 * Counts an open of a grant and says whether it may show its page: not after its expiry, and a
 * single-use URL only once. Otherwise the redirect to the sign-in page.
 */
function admit(grant: PresignedGrant, now: Date): Page | undefined {
  if (now.getTime() >= grant.expiresAt.getTime()) {
    grant.openedAfterExpiry++;
    return redirectToSignIn('expired');
  }
  if (grant.singleUse && grant.openedBeforeExpiry > 0) {
    grant.openedAfterUse++;
    return redirectToSignIn('used');
  }
  grant.openedBeforeExpiry++;
  return undefined;
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
  const refused = admit(grant, now);
  if (refused) {
    return refused;
  }
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
  const refused = admit(grant, now);
  if (refused) {
    return refused;
  }
  // JupyterLab by path, or by `view=lab` as the AWS console's "Open JupyterLab" link adds to the URL.
  const lab = rest === '/lab' || rest.startsWith('/lab/') || view === 'lab';
  const title = lab ? 'JupyterLab' : 'Jupyter';
  return page(200, html(title, [['Application', title], ['Notebook instance', name], ['Path', rest || '/'], ...lifetimeRows(grant)]));
}

/** GET /mlflow/tracking-server/<name>?authToken=... (CreatePresignedMlflowTrackingServerUrl); works once. */
export function mlflowTrackingServerPage(grant: PresignedGrant | undefined, name: string, now: Date, mlflowVersion: string | undefined): Page {
  if (!grant || grant.kind !== 'mlflowTrackingServer' || grant.trackingServerName !== name) {
    return page(403, html('Access denied', [['Status', 'The authToken is not valid for this tracking server.']]));
  }
  const refused = admit(grant, now);
  if (refused) {
    return refused;
  }
  return page(200, html('MLflow', [['Application', 'MLflow'], ['Tracking server', name], ['MLflow version', mlflowVersion ?? ''], ...lifetimeRows(grant)]));
}

/** GET /mlflow/app/<app id>?authToken=... (CreatePresignedMlflowAppUrl); works once. */
export function mlflowAppPage(grant: PresignedGrant | undefined, appId: string, now: Date): Page {
  if (!grant || grant.kind !== 'mlflowApp' || !grant.arn?.endsWith(`/${appId}`)) {
    return page(403, html('Access denied', [['Status', 'The authToken is not valid for this MLflow app.']]));
  }
  const refused = admit(grant, now);
  if (refused) {
    return refused;
  }
  return page(200, html('MLflow', [['Application', 'MLflow'], ['MLflow app', grant.name ?? ''], ['ARN', grant.arn], ...lifetimeRows(grant)]));
}

const PARTNER_TITLES: Record<string, string> = {
  'lakera-guard': 'Lakera Guard',
  comet: 'Comet',
  'deepchecks-llm-evaluation': 'Deepchecks LLM Evaluation',
  fiddler: 'Fiddler',
};

/** GET /partner-app/<app id>?token=... (CreatePartnerAppPresignedUrl); `type` is the partner app's type. */
export function partnerAppPage(grant: PresignedGrant | undefined, appId: string, now: Date, type: string | undefined): Page {
  if (!grant || grant.kind !== 'partnerApp' || !grant.arn?.endsWith(`/${appId}`)) {
    return page(403, html('Access denied', [['Status', 'The token is not valid for this partner AI app.']]));
  }
  const refused = admit(grant, now);
  if (refused) {
    return refused;
  }
  const title = (type && PARTNER_TITLES[type]) ?? type ?? 'Partner AI App';
  return page(200, html(title, [['Application', title], ['Partner AI app', grant.name ?? ''], ['Type', type ?? ''], ['ARN', grant.arn], ...lifetimeRows(grant)]));
}

/** `/sso/<region>/<domain id>`: what an SSO domain's Url opens, standing in for the IAM Identity Center sign-in. */
export const ssoPath = (region: string, domainId: string): string => `/sso/${encodeURIComponent(region)}/${encodeURIComponent(domainId)}`;

export function ssoSignInPage(region: string, domainId: string, domainName: string | undefined): Page {
  if (domainName === undefined) {
    return page(404, html('Not found', [['Status', `No SSO domain ${domainId} in ${region}.`]]));
  }
  return page(
    200,
    html(
      'Sign in with IAM Identity Center',
      [
        ['Application', 'IAM Identity Center sign-in'],
        ['Domain', domainId],
        ['Domain name', domainName],
        ['Region', region],
        ['Status', 'This domain uses IAM Identity Center (AuthMode SSO). Sign in with your organization\'s credentials to open SageMaker Studio.'],
      ],
      'Emulated IAM Identity Center sign-in page.',
    ),
  );
}
