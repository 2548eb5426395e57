import * as vscode from 'vscode';
import type { CliInvocation, NotebookUi, PresignedUrl } from '../aws/index';
import {
  CommandLineError,
  LANDING_PATH_RULE,
  LIMITS,
  isAuthorityOf,
  isSingleUseUrl,
  landsOnSetting,
  takes,
  isSsoDomainRefusal,
  openableUrl,
  toCommandLine,
  urlCallInvocation,
  quoteValue,
  validateLandingUri,
} from '../aws/index';
import type { ExtensionServices } from '../context';
import { UserFacingError } from '../errors';
import type { PickItem } from '../prompter';
import { readUrlSettings } from '../urlSettings';
import { IDENTITY_CENTER } from '../tree/domain';
import type { Node } from '../tree/nodes';
import { icon } from '../tree/presentation';
import { recordRecent } from './recordRecent';
import { ensureRunning } from './lifecycle';
import { currentShell, SHELL_NAMES } from '../shell';
import { describeTarget, targetSpec } from '../kinds/index';
import { resolveTarget, type TargetKind, type UrlTarget } from './targets';
import { urlRequest, type UrlOptions } from './urlRequest';

export type { UrlOptions } from './urlRequest';

/**
 * The URL to open or copy, checked (see openableUrl): without sagemaker.endpointUrl only https on
 * SageMaker's own hosts; with it, https anywhere and plain http on this computer. It is the
 * normalised string that was checked, and VS Code's own parser must read the same host in it and
 * in the URL received; else nothing is opened or copied.
 */
export function checkedUrl(url: string, endpointUrl: string | undefined): { readonly url: string; readonly uri: vscode.Uri } {
  const checked = openableUrl(url, endpointUrl);
  if (checked.problem !== undefined) {
    throw new UserFacingError(checked.problem);
  }
  const uri = vscode.Uri.parse(checked.url, true);
  const u = new URL(checked.url);
  for (const authority of [uri.authority, vscode.Uri.parse(url).authority]) {
    if (!isAuthorityOf(authority, u)) {
      throw new UserFacingError(`Refusing to open a URL whose host is ambiguous: ${u.host} to one reading, ${quoteValue(authority)} to VS Code.`);
    }
  }
  return { url: checked.url, uri };
}

type DomainTarget = Extract<UrlTarget, { kind: 'studio' | 'space' }>;

/** A Studio or space target in a domain that signs in through IAM Identity Center. */
export function ssoTarget(t: UrlTarget): DomainTarget | undefined {
  return 'domain' in t && t.domain.authMode === 'SSO' ? t : undefined;
}

/** Why an IAM Identity Center domain is opened at its own URL: the same words wherever it happens. */
export function ssoReason(t: DomainTarget): string {
  return `The domain ${t.domain.domainName} signs in through ${IDENTITY_CENTER} (AuthMode SSO), so SageMaker makes no presigned URLs for it: it opens at the domain's own URL, where you sign in${
    'space' in t ? ` and then open the space ${t.space.spaceDisplayName || t.space.spaceName} from Studio` : ''
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
  const checked = checkedUrl(url, s.session.settings.endpointUrl);
  if (how === 'open') {
    const opened = await s.prompter().openExternal(checked.uri);
    s.log.info(`Opened the ${IDENTITY_CENTER} sign-in of domain ${t.domain.domainName} for ${describeTarget(t)}${opened ? '' : ' (the browser did not confirm)'}`);
  } else {
    // Not a presigned URL: it replaces one in the clipboard, so that URL's countdown ends.
    await s.clipboard.writeOther(checked.url);
    s.log.info(`Copied the URL of domain ${t.domain.domainName} (${IDENTITY_CENTER}) for ${describeTarget(t)}`);
  }
  void s.prompter().message('info', `${how === 'open' ? 'Opened' : 'Copied'} the ${IDENTITY_CENTER} sign-in of ${t.domain.domainName}. ${ssoReason(t)}`, []);
}

/**
 * Makes the URL and opens it in the browser, or copies it with an expiry countdown: the request
 * checked first (./urlRequest.ts), a stopped target offered a start, then one presigning call,
 * its operation's; a single-use URL says so when copied.
 */
export async function deliver(s: ExtensionServices, t: UrlTarget, how: 'open' | 'copy', options: UrlOptions = {}): Promise<void> {
  const sso = ssoTarget(t);
  if (sso) {
    return deliverDomainUrl(s, sso, how);
  }
  const request = urlRequest(t, options); // settings checked before any call
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
    presigned = await s.session.access().presignUrl(target.region, request);
  } catch (e) {
    // The domain's AuthMode was not known (not described yet, or DescribeDomain not allowed), and
    // SageMaker refused for this reason: the tree learns it, and the domain's own URL serves.
    if ('domain' in target && isSsoDomainRefusal(e)) {
      const domain = { ...target.domain, authMode: 'SSO' as const };
      s.tree.updateDomain(domain);
      return deliverDomainUrl(s, { ...target, domain }, how);
    }
    throw e;
  }
  const once = isSingleUseUrl(request.operation);
  const checked = checkedUrl(presigned.url, s.session.settings.endpointUrl);
  if (how === 'open') {
    const opened = await s.prompter().openExternal(checked.uri);
    s.log.info(`Opened ${what}${opened ? '' : ' (the browser did not confirm)'}`);
    vscode.window.setStatusBarMessage(`$(link-external) Opened ${what}`, 4000);
  } else {
    await s.clipboard.copy(checked.url, what, presigned.expiresAt, { singleUse: once });
    const until = presigned.expiresAt.toLocaleTimeString();
    vscode.window.setStatusBarMessage(`$(copy) Copied the URL for ${what}: ${once ? 'it works once, ' : ''}until ${until}`, 5000);
    s.log.info(`Copied the URL for ${what}${once ? ' (single use)' : ''}; it expires at ${presigned.expiresAt.toISOString()}`);
  }
  await recordRecent(s, target);
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
    // What is asked is what the URL's operation takes.
    const call = targetSpec(t).urlCall(t);
    if (takes(call.operation, 'ui')) {
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
    }
    if (takes(call.operation, 'landingUri')) {
      const items: PickItem<string>[] = LANDING_PAGES.map((l) => ({ label: l.label, description: l.description, value: l.prefix }));
      if (!landsOnSetting(call)) {
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
    }
    if (takes(call.operation, 'expiresInSeconds')) {
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

/** Every kind that makes a URL has its CLI line. */
const CLI_KINDS: TargetKind[] = ['studio', 'space', 'notebook', 'mlflowTrackingServer', 'mlflowApp', 'partnerApp'];

/** The API call behind a target's URL, as the URL commands would make it (its settings checked first). */
function cliInvocation(t: UrlTarget): CliInvocation {
  const request = urlRequest(t);
  return urlCallInvocation(request, request);
}

/**
 * "Copy as AWS CLI Command": the same request as the URL commands make, as one `aws sagemaker` line
 * with the profile, region and endpoint in use, quoted for the default terminal's shell.
 */
export function copyCliCommand(s: ExtensionServices) {
  return async (node?: Node): Promise<void> => {
    const t = await resolveTarget(s, node, CLI_KINDS);
    if (!t) {
      return;
    }
    const sso = ssoTarget(t);
    if (sso) {
      throw new UserFacingError(`${ssoReason(sso)} So there is no AWS CLI command for it; "Copy Studio URL" copies that URL.`);
    }
    const shell = currentShell();
    let line: string;
    try {
      line = toCommandLine(cliInvocation(t), t.region, s.session.settings, shell);
    } catch (e) {
      if (e instanceof CommandLineError) {
        throw new UserFacingError(e.message);
      }
      throw e;
    }
    await s.clipboard.writeOther(line);
    s.log.info(`Copied the AWS CLI command for ${describeTarget(t)} (quoted for ${SHELL_NAMES[shell]})`);
    vscode.window.setStatusBarMessage(`$(terminal) Copied the AWS CLI command for ${describeTarget(t)} (${SHELL_NAMES[shell]})`, 4000);
  };
}
