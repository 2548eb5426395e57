/**
 * A presigned URL is a bearer credential: its token must never reach a log, an error or test
 * output. Everything that might print a URL goes through redactUrl.
 *
 * A URL can arrive written in many ways (percent-encoded inside another URL, HTML-escaped, as a
 * JSON `\u003F` escape...), so the text is also decoded before it is scanned; when only the
 * decoded form shows a secret, the decoded form is what is returned, redacted. A JWT-shaped string
 * is redacted wherever it is, as a backstop for secrets under names we do not know.
 */

export const REDACTED = 'REDACTED';

/**
 * Query (or fragment) parameters whose value is a secret: SageMaker's presigned URLs (`token`,
 * `authToken`), SigV4 presigning (`X-Amz-Signature`, `X-Amz-Credential`, `X-Amz-Security-Token`)
 * and OAuth/OIDC redirects (`id_token`, `access_token`, `refresh_token`, `code`-less flows).
 */
const SECRET_NAMES = [
  'token',
  'authtoken',
  'auth_token',
  'id_token',
  'access_token',
  'refresh_token',
  'session_token',
  'sessiontoken',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
];
const namesAlternation = SECRET_NAMES.map((n) => n.replace(/[-_]/g, (c) => `\\${c}`)).join('|');

// A secret parameter after a URL delimiter (? & # ;), up to the next delimiter, quote or space.
const secretParamInText = new RegExp(`([?&#;](?:${namesAlternation})=)[^&#;\\s"'<>\`\\\\]*`, 'gi');
// Three base64url parts, the first two starting like a JSON object: a JWT (or the start of a JWE).
const jwtShaped = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*){1,3}/g;

function redactPlain(text: string): string {
  return text.replace(secretParamInText, `$1${REDACTED}`).replace(jwtShaped, REDACTED);
}

const htmlEntities: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', equals: '=', quest: '?', num: '#', semi: ';' };

/** One layer of the encodings a URL is found in: JSON/JS escapes, HTML entities, percent-encoding. */
function decodeOnce(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\\//g, '/')
    .replace(/&#x([0-9a-fA-F]{1,6});?/g, (m, h: string) => safeCodePoint(parseInt(h, 16)) ?? m)
    .replace(/&#([0-9]{1,7});?/g, (m, d: string) => safeCodePoint(parseInt(d, 10)) ?? m)
    .replace(/&([a-z]+);/gi, (m, name: string) => htmlEntities[name.toLowerCase()] ?? m)
    .replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        // Not UTF-8 (e.g. a lone %FF): decode byte by byte so delimiters still show.
        return run.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      }
    });
}

function safeCodePoint(n: number): string | undefined {
  return Number.isFinite(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/** The text with every layer of encoding taken off (at most a few: URLs nest a few levels deep). */
function decoded(text: string): string {
  let current = text;
  for (let i = 0; i < 4; i++) {
    const next = decodeOnce(current);
    if (next === current) {
      break;
    }
    current = next;
  }
  return current;
}

/**
 * Replaces the values of secret URL parameters (`token`, `authToken`, `X-Amz-Signature`, ... any
 * case, after `?`, `&`, `#` or `;`) and JWT-shaped strings in `text` with REDACTED, also when the
 * URL is percent-encoded, HTML-escaped or JSON-escaped.
 */
export function redactUrl(text: string): string {
  const plain = redactPlain(text);
  const unwrapped = decoded(plain);
  if (unwrapped === plain) {
    return plain;
  }
  // Something was encoded. If decoding shows a secret the plain scan could not see, return the
  // decoded text, redacted: it is the only form in which the secret can be cut out reliably.
  const redactedUnwrapped = redactPlain(unwrapped);
  return redactedUnwrapped === unwrapped ? plain : redactedUnwrapped;
}
