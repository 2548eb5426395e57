/**
 * Whether a URL from SageMaker (presigned, or an IAM Identity Center domain's Url) may be opened or
 * copied, and the exact string to use. Apart from the settings checks (validation.ts): only the
 * commands and the AWS layer need it, so activation's file does not hold it.
 */
import { quoteValue } from './quoteValue';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The hosts SageMaker's own presigned URLs (Studio, spaces, notebook instances, MLflow, partner apps)
 * and IAM Identity Center domains' Urls live on, in each partition: `<domain>.studio.<region>.sagemaker.aws`,
 * `<name>.notebook.<region>.sagemaker.aws` (also GovCloud), `….sagemaker.com.cn` (China), and the
 * ISO partitions' `sagemaker.<dns suffix>`.
 */
export const SAGEMAKER_URL_HOST_SUFFIXES = [
  '.sagemaker.aws',
  '.sagemaker.com.cn',
  '.sagemaker.c2s.ic.gov',
  '.sagemaker.sc2s.sgov.gov',
  '.sagemaker.cloud.adc-e.uk',
  '.sagemaker.csp.hci.ic.gov',
] as const;

function isLoopback(host: string): boolean {
  return loopbackHosts.has(host);
}

function isSageMakerHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return SAGEMAKER_URL_HOST_SUFFIXES.some((suffix) => h.endsWith(suffix) && h.length > suffix.length);
}

/**
 * The authority of a URI as RFC 3986's regular expression splits it: the way VS Code's `Uri.parse`
 * reads a URL, which (unlike WHATWG `URL`) takes `\` for an ordinary character of the authority.
 */
export function rfc3986Authority(uri: string): string | undefined {
  return /^(?:[^:/?#]+:)?(?:\/\/([^/?#]*))?/.exec(uri)?.[1];
}

/**
 * Whether another parser's authority of a URL names the host WHATWG `URL` found, written alike or
 * not (case, the default port, `127.1` for 127.0.0.1), with no `\`, `@` or space in it.
 */
export function isAuthorityOf(authority: string, u: URL): boolean {
  if (authority === '' || /[\\@\s\p{Cc}]/u.test(authority)) {
    return false;
  }
  try {
    return new URL(`${u.protocol}//${authority}/`).host === u.host;
  } catch {
    return false;
  }
}

const DEFAULT_PORT: Record<string, string> = { 'https:': ':443', 'http:': ':80' };

/**
 * The URL to open and copy: WHATWG's normalised form, with a plain ASCII host as the URL wrote it
 * (already found equal; lower case, no default port): code-server rewrites a URL on 127.0.0.1 to
 * its port proxy, not one on 127.1. Only when that string parses back to exactly what was checked;
 * else the normalised form as it is.
 */
function normalised(u: URL, authority: string): string {
  const written = authority.toLowerCase();
  if (!/^[a-z0-9.:-]+$/.test(written)) {
    return u.href;
  }
  const port = DEFAULT_PORT[u.protocol] ?? '';
  const host = port && written.endsWith(port) ? written.slice(0, -port.length) : written;
  const asWritten = `${u.protocol}//${host}${u.pathname}${u.search}${u.hash}`;
  try {
    return new URL(asWritten).href === u.href && rfc3986Authority(asWritten) === host ? asWritten : u.href;
  } catch {
    return u.href;
  }
}

/** What may be opened or copied: the URL as WHATWG `URL` normalised it, or why it may not. */
export type OpenableUrl = { readonly url: string; readonly host: string; readonly problem?: undefined } | { readonly url?: undefined; readonly problem: string };

/**
 * Whether a presigned URL (or an IAM Identity Center domain's Url) may be opened in a browser or
 * copied, and the string to use: the normalised one that was checked, never the one received.
 * Without a custom endpoint: https on SageMaker's own hosts only. With `sagemaker.endpointUrl` set
 * (a VPC endpoint, an emulator): https on any host, and plain http on this computer when the
 * endpoint is on this computer too. A URL whose host reads differently to another parser (a `\`
 * or `@` before the path, spaces, control characters) is refused: the check would not hold for
 * what opens it. A refusal names the host and the reason, never the URL's query (its token).
 */
export function openableUrl(url: string, endpointUrl?: string): OpenableUrl {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { problem: 'SageMaker returned a URL that is not valid; it was not opened.' };
  }
  const where = u.host ? ` on ${u.host}` : '';
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    return { problem: `Refusing to open a ${u.protocol} URL${where}: only https: URLs are opened.` };
  }
  if (u.username || u.password) {
    return { problem: `Refusing to open a URL${where} that carries a user name or password.` };
  }
  const authority = rfc3986Authority(url) ?? '';
  if (/[\s\p{Cc}]/u.test(url)) {
    return { problem: `Refusing to open a URL${where} that contains spaces or control characters.` };
  }
  if (!isAuthorityOf(authority, u)) {
    return { problem: `Refusing to open a URL whose host is ambiguous: ${u.host} to one reading, ${quoteValue(authority)} to another (a "\\" or "@" before its path).` };
  }
  const checked = { url: normalised(u, authority), host: u.host };
  if (!endpointUrl) {
    if (u.protocol !== 'https:') {
      return { problem: `Refusing to open a ${u.protocol} URL${where}: only https: URLs on SageMaker's own hosts are opened (plain http only from a local sagemaker.endpointUrl).` };
    }
    if (!isSageMakerHost(u.hostname)) {
      return { problem: `Refusing to open a URL on ${u.host}: it is not a SageMaker host (*.sagemaker.aws, *.sagemaker.com.cn); without sagemaker.endpointUrl only SageMaker's own hosts are opened.` };
    }
    return checked;
  }
  if (u.protocol === 'https:') {
    return checked;
  }
  let endpointHost = '';
  try {
    endpointHost = new URL(endpointUrl).hostname;
  } catch {
    // An unparsable endpoint is no loopback one.
  }
  if (isLoopback(u.hostname) && isLoopback(endpointHost)) {
    return checked;
  }
  return { problem: `Refusing to open an http: URL${where}: plain http is opened only on this computer, when sagemaker.endpointUrl is a local endpoint too.` };
}

/** Why a URL may not be opened (see openableUrl), or undefined. */
export function checkOpenableUrl(url: string, endpointUrl?: string): string | undefined {
  return openableUrl(url, endpointUrl).problem;
}
