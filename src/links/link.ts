/**
 * Links to an environment: `vscode://<publisher>.<name>/open?kind=…&region=…&domain=…`. A link carries
 * names and IDs only. Parsing is strict (a link comes from outside): one message for the first
 * problem, and nothing is called for a link that fails it.
 */
import { quoteValue } from '../aws/quoteValue';
import { checkRef, cleanRef, REF_KEYS, type EnvRef } from './kinds';

/** The extension's id (`publisher.name` in package.json), the authority of its links. */
export const EXTENSION_ID = 'sagemaker-environments.sagemaker-environments';
export const LINK_PATH = '/open';

/** The link for an environment. Always `vscode://`: links are shared, and stable VS Code handles that scheme. */
export function linkFor(ref: EnvRef): string {
  const r = cleanRef(ref);
  const query = [['kind', r.kind], ['region', r.region], ...REF_KEYS.filter((k) => r[k] !== undefined).map((k) => [k, r[k] as string])]
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return `vscode://${EXTENSION_ID}${LINK_PATH}?${query}`;
}

export type ParsedLink = { readonly ok: true; readonly ref: EnvRef } | { readonly ok: false; readonly problem: string };

const ALLOWED = new Set<string>(['kind', 'region', ...REF_KEYS]);

/**
 * A link's path and (still encoded) query, as VS Code's URI handler hands them over. The problem,
 * if any, completes "This SageMaker link cannot be opened: …".
 */
export function parseLink(path: string, query: string): ParsedLink {
  if (path !== LINK_PATH) {
    return { ok: false, problem: `its path is ${quoteValue(path)}; a SageMaker link's path is ${LINK_PATH}.` };
  }
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return { ok: false, problem: 'its query cannot be read.' };
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of params) {
    if (!ALLOWED.has(key)) {
      // Not named: an unknown key is the link's text, not ours.
      return { ok: false, problem: `it has a parameter other than kind, region and ${REF_KEYS.join(', ')}.` };
    }
    if (key in fields) {
      return { ok: false, problem: `it gives "${key}" more than once.` };
    }
    fields[key] = value;
  }
  const problem = checkRef(fields);
  if (problem !== undefined) {
    return { ok: false, problem };
  }
  return { ok: true, ref: cleanRef(fields as unknown as EnvRef) };
}
