import * as vscode from 'vscode';
import type { DomainUrlRequest, NotebookUi, NotebookUrlRequest, PresignedUrl } from '../aws/index';
import { LIMITS, checkOpenableUrl, isSsoDomainRefusal, toCliCommand, validateLandingUri } from '../aws/index';
import type { ExtensionServices } from '../context';
import { UserFacingError } from '../errors';
import type { PickItem } from '../prompter';
import { readUrlSettings } from '../settings';
import { IDENTITY_CENTER } from '../tree/domain';
import type { Node } from '../tree/nodes';
import { icon } from '../tree/presentation';
import { ensureRunning } from './lifecycle';
import { describeTarget, resolveTarget, type TargetKind, type UrlTarget } from './targets';

export interface UrlOptions {
  readonly landingUri?: string;
  readonly ui?: NotebookUi;
  readonly expiresInSeconds?: number;
  readonly sessionExpirationDurationInSeconds?: number;
}

/** The request for a target, from the settings (validated first; throws SettingsError) and any options. */
export function buildRequest(t: UrlTarget, options: UrlOptions = {}): DomainUrlRequest | NotebookUrlRequest {
  const settings = readUrlSettings();
  const session = options.sessionExpirationDurationInSeconds ?? settings.sessionExpirationDurationInSeconds;
  if (t.kind === 'notebook') {
    return { notebookInstanceName: t.notebook.notebookInstanceName, ui: options.ui ?? 'JupyterLab', sessionExpirationDurationInSeconds: session };
  }
  return {
    domainId: t.domain.domainId,
    userProfileName: t.userProfileName,
    spaceName: t.kind === 'space' ? t.space.spaceName : undefined,
    // The default landing page is for Studio; a space opens on its own app unless asked otherwise.
    landingUri: options.landingUri ?? (t.kind === 'studio' ? settings.landingUri : undefined),
    expiresInSeconds: options.expiresInSeconds ?? settings.expiresInSeconds,
    sessionExpirationDurationInSeconds: session,
    // What the tree already knows about ownership, so no DescribeSpace call is needed.
    spaceInfo: t.kind === 'space' ? { sharingType: t.space.sharingType, ownerUserProfileName: t.space.ownerUserProfileName } : undefined,
  };
}

async function presign(s: ExtensionServices, t: UrlTarget, request: DomainUrlRequest | NotebookUrlRequest): Promise<PresignedUrl> {
  const access = s.session.access();
  return t.kind === 'notebook'
    ? access.presignNotebookUrl(t.region, request as NotebookUrlRequest)
    : access.presignDomainUrl(t.region, request as DomainUrlRequest);
}

function isLoopbackEndpoint(endpointUrl: string | undefined): boolean {
  try {
    return endpointUrl !== undefined && ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(endpointUrl).hostname);
  } catch {
    return false;
  }
}

/** Only https URLs are opened; plain http only when the endpoint itself is a loopback one (a local emulator). */
export function checkOpenable(url: string, endpointUrl: string | undefined): void {
  const problem = checkOpenableUrl(url);
  if (problem !== undefined) {
    throw new UserFacingError(problem);
  }
  if (new URL(url).protocol === 'http:' && !isLoopbackEndpoint(endpointUrl)) {
    throw new UserFacingError('Refusing to open an http: URL: plain http is opened only when sagemaker.endpointUrl is a local endpoint on this computer.');
  }
}

type DomainTarget = Extract<UrlTarget, { kind: 'studio' | 'space' }>;

/** A Studio or space target in a domain that signs in through IAM Identity Center. */
export function ssoTarget(t: UrlTarget): DomainTarget | undefined {
  return t.kind !== 'notebook' && t.domain.authMode === 'SSO' ? t : undefined;
}

/** Why an IAM Identity Center domain is opened at its own URL: the same words wherever it happens. */
export function ssoReason(t: DomainTarget): string {
  return `The domain ${t.domain.domainName} signs in through ${IDENTITY_CENTER} (AuthMode SSO), so SageMaker makes no presigned URLs for it: it opens at the domain's own URL, where you sign in${
    t.kind === 'space' ? ` and then open the space ${t.space.spaceDisplayName || t.space.spaceName} from Studio` : ''
  }.`;
}

/**
 * Opens or copies an IAM Identity Center domain's own URL (DescribeDomain's / ListDomains' Url).
 * It is an address, not a credential: no countdown, nothing cleared.
 */
async function deliverDomainUrl(s: ExtensionServices, t: DomainTarget, how: 'open' | 'copy'): Promise<void> {
  let url = t.domain.url;
  if (!url) {
    url = (await s.session.access().describeDomain(t.region, t.domain.domainId)).url;
  }
  if (!url) {
    throw new UserFacingError(`${ssoReason(t)} SageMaker did not report that URL; your AWS access portal lists the domain's Studio.`);
  }
  if (how === 'open') {
    checkOpenable(url, s.session.settings.endpointUrl);
    const opened = await s.prompter().openExternal(vscode.Uri.parse(url, true));
    s.log.info(`Opened the ${IDENTITY_CENTER} sign-in of domain ${t.domain.domainName} for ${describeTarget(t)}${opened ? '' : ' (the browser did not confirm)'}`);
  } else {
    await vscode.env.clipboard.writeText(url);
    s.log.info(`Copied the URL of domain ${t.domain.domainName} (${IDENTITY_CENTER}) for ${describeTarget(t)}`);
  }
  void s.prompter().message('info', `${how === 'open' ? 'Opened' : 'Copied'} the ${IDENTITY_CENTER} sign-in of ${t.domain.domainName}. ${ssoReason(t)}`, []);
}

/** Makes the URL and opens it in the browser, or copies it with an expiry countdown. */
export async function deliver(s: ExtensionServices, t: UrlTarget, how: 'open' | 'copy', options: UrlOptions = {}): Promise<void> {
  const sso = ssoTarget(t);
  if (sso) {
    return deliverDomainUrl(s, sso, how);
  }
  const request = buildRequest(t, options); // settings checked before any call
  let target: UrlTarget | undefined = t;
  if (how === 'open') {
    target = await ensureRunning(s, t);
    if (!target) {
      return;
    }
  }
  const what = describeTarget(target);
  let presigned: PresignedUrl;
  try {
    presigned = await presign(s, target, request);
  } catch (e) {
    // The domain's AuthMode was not known (not described yet, or DescribeDomain not allowed), and
    // SageMaker refused for this reason: the tree learns it, and the domain's own URL serves.
    if (target.kind !== 'notebook' && isSsoDomainRefusal(e)) {
      const domain = { ...target.domain, authMode: 'SSO' as const };
      s.tree.updateDomain(domain);
      return deliverDomainUrl(s, { ...target, domain }, how);
    }
    throw e;
  }
  if (how === 'open') {
    checkOpenable(presigned.url, s.session.settings.endpointUrl);
    const opened = await s.prompter().openExternal(vscode.Uri.parse(presigned.url, true));
    s.log.info(`Opened ${what}${opened ? '' : ' (the browser did not confirm)'}`);
    vscode.window.setStatusBarMessage(`$(link-external) Opened ${what}`, 4000);
  } else {
    await s.clipboard.copy(presigned.url, what, presigned.expiresAt);
    s.log.info(`Copied the URL for ${what}; it expires at ${presigned.expiresAt.toISOString()}`);
  }
}

/** A command that opens or copies for one kind of node (the palette asks for it). */
export function urlCommand(s: ExtensionServices, kind: TargetKind, how: 'open' | 'copy', options: UrlOptions = {}) {
  return async (node?: Node): Promise<void> => {
    const t = await resolveTarget(s, node, [kind]);
    if (t) {
      await deliver(s, t, how, options);
    }
  };
}

const LANDING_PAGES: readonly { prefix: string; label: string; description: string }[] = [
  { prefix: 'studio::', label: 'Studio home', description: 'studio::' },
  { prefix: 'app:JupyterLab:', label: 'JupyterLab', description: 'app:JupyterLab:' },
  { prefix: 'app:CodeEditor:', label: 'Code Editor', description: 'app:CodeEditor:' },
  { prefix: 'app:RStudioServerPro:', label: 'RStudio', description: 'app:RStudioServerPro:' },
  { prefix: 'app:Canvas:', label: 'Canvas', description: 'app:Canvas:' },
  { prefix: 'app:JupyterServer:', label: 'Jupyter Server (classic Studio)', description: 'app:JupyterServer:' },
];

function numberValidator(name: string, limits: { min: number; max: number }) {
  return (v: string): string | undefined => {
    const n = Number(v.trim());
    return v.trim() !== '' && Number.isInteger(n) && n >= limits.min && n <= limits.max
      ? undefined
      : `${name} must be a whole number of seconds from ${limits.min} to ${limits.max}.`;
  };
}

/** "Open with Options…": landing page and path, both lifetimes for this URL, then open or copy. */
export function openWithOptions(s: ExtensionServices) {
  return async (node?: Node): Promise<void> => {
    const t = await resolveTarget(s, node, ['studio', 'space', 'notebook']);
    if (!t) {
      return;
    }
    const p = s.prompter();
    const title = `Open ${describeTarget(t)}`;
    const sso = ssoTarget(t);
    if (sso) {
      // No landing page or lifetimes: the domain's own URL is all there is.
      const how = await p.pick<'open' | 'copy'>({
        title,
        placeholder: `${sso.domain.domainName} signs in through ${IDENTITY_CENTER}: its own URL, no landing page or lifetimes`,
        items: [
          { label: 'Open in Browser', value: 'open', iconPath: icon('link-external') },
          { label: 'Copy URL', value: 'copy', iconPath: icon('copy') },
        ],
      });
      if (how) {
        await deliver(s, t, how);
      }
      return;
    }
    const defaults = readUrlSettings();
    const options: { -readonly [K in keyof UrlOptions]: UrlOptions[K] } = {};
    if (t.kind === 'notebook') {
      const ui = await p.pick<NotebookUi>({
        title,
        placeholder: 'Which Jupyter interface',
        items: [
          { label: 'JupyterLab', description: '/lab', value: 'JupyterLab' },
          { label: 'Jupyter', description: 'classic notebook UI', value: 'Jupyter' },
        ],
      });
      if (!ui) {
        return;
      }
      options.ui = ui;
    } else {
      const items: PickItem<string>[] = LANDING_PAGES.map((l) => ({ label: l.label, description: l.description, value: l.prefix }));
      if (t.kind === 'space') {
        items.unshift({ label: 'The space\'s own app', description: 'no landing page', value: '' });
      }
      const prefix = await p.pick({ title, placeholder: 'Landing page', items });
      if (prefix === undefined) {
        return;
      }
      if (prefix) {
        const path = await p.input({
          title,
          prompt: `Path to open after ${prefix} (optional, relative, e.g. /lab/tree/work)`,
          value: '',
          validate: (v) => validateLandingUri(prefix + v.trim()),
        });
        if (path === undefined) {
          return;
        }
        options.landingUri = prefix + path.trim();
      }
      const expires = await p.input({
        title,
        prompt: `How long the URL stays valid, in seconds (${LIMITS.expiresInSeconds.min}-${LIMITS.expiresInSeconds.max})`,
        value: String(defaults.expiresInSeconds),
        validate: numberValidator('The URL lifetime', LIMITS.expiresInSeconds),
      });
      if (expires === undefined) {
        return;
      }
      options.expiresInSeconds = Number(expires.trim());
    }
    const session = await p.input({
      title,
      prompt: `How long the session lasts, in seconds (${LIMITS.sessionExpirationDurationInSeconds.min}-${LIMITS.sessionExpirationDurationInSeconds.max})`,
      value: String(defaults.sessionExpirationDurationInSeconds),
      validate: numberValidator('The session lifetime', LIMITS.sessionExpirationDurationInSeconds),
    });
    if (session === undefined) {
      return;
    }
    options.sessionExpirationDurationInSeconds = Number(session.trim());
    const how = await p.pick<'open' | 'copy'>({
      title,
      placeholder: 'Open it or copy the URL',
      items: [
        { label: 'Open in Browser', value: 'open', iconPath: icon('link-external') },
        { label: 'Copy URL', value: 'copy', iconPath: icon('copy') },
      ],
    });
    if (!how) {
      return;
    }
    await deliver(s, t, how, options);
  };
}

/** "Copy as AWS CLI Command": the same request as the URL commands make, as one `aws sagemaker` line. */
export function copyCliCommand(s: ExtensionServices) {
  return async (node?: Node): Promise<void> => {
    const t = await resolveTarget(s, node, ['studio', 'space', 'notebook']);
    if (!t) {
      return;
    }
    const sso = ssoTarget(t);
    if (sso) {
      throw new UserFacingError(`${ssoReason(sso)} So there is no AWS CLI command for it; "Copy Studio URL" copies that URL.`);
    }
    const request = buildRequest(t);
    const line = toCliCommand(t.kind === 'notebook' ? 'notebook' : 'domain', t.region, request, s.session.settings);
    await vscode.env.clipboard.writeText(line);
    s.log.info(`Copied the AWS CLI command for ${describeTarget(t)}`);
    vscode.window.setStatusBarMessage(`$(terminal) Copied the AWS CLI command for ${describeTarget(t)}`, 4000);
  };
}
