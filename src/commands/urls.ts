import * as vscode from 'vscode';
import type { DomainUrlRequest, NotebookUi, NotebookUrlRequest, PresignedUrl } from '../aws/index';
import { LANDING_PATH_RULE, LIMITS, checkOpenableUrl, toCliCommand, validateLandingUri } from '../aws/index';
import type { ExtensionServices } from '../context';
import { UserFacingError } from '../errors';
import type { PickItem } from '../prompter';
import { readUrlSettings } from '../settings';
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

/**
 * Whether a presigned URL may be opened (see checkOpenableUrl): without sagemaker.endpointUrl only
 * https on SageMaker's own hosts; with it, https anywhere and plain http on this computer.
 */
export function checkOpenable(url: string, endpointUrl: string | undefined): void {
  const problem = checkOpenableUrl(url, endpointUrl);
  if (problem !== undefined) {
    throw new UserFacingError(problem);
  }
}

/** Makes the URL and opens it in the browser, or copies it with an expiry countdown. */
export async function deliver(s: ExtensionServices, t: UrlTarget, how: 'open' | 'copy', options: UrlOptions = {}): Promise<void> {
  const request = buildRequest(t, options); // settings checked before any call
  let target: UrlTarget | undefined = t;
  if (how === 'open') {
    target = await ensureRunning(s, t);
    if (!target) {
      return;
    }
  }
  const what = describeTarget(target);
  const presigned = await presign(s, target, request);
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
    const defaults = readUrlSettings();
    const p = s.prompter();
    const title = `Open ${describeTarget(t)}`;
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
          prompt: `Path to open after ${prefix} (optional; ${LANDING_PATH_RULE}, e.g. /lab/tree/work)`,
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
    const request = buildRequest(t);
    const line = toCliCommand(t.kind === 'notebook' ? 'notebook' : 'domain', t.region, request, s.session.settings);
    await s.clipboard.writeOther(line);
    s.log.info(`Copied the AWS CLI command for ${describeTarget(t)}`);
    vscode.window.setStatusBarMessage(`$(terminal) Copied the AWS CLI command for ${describeTarget(t)}`, 4000);
  };
}
