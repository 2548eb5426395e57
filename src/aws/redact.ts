/**
 * A presigned URL is a bearer credential: its token must never reach a log, an error or test
 * output. Everything that might print a URL goes through redactUrl.
 *
 * A URL can arrive written in many ways (percent-encoded inside another URL, several times over,
 * HTML-escaped, as a JSON `\u003F` or JS `\u{3f}` escape, wrapped across lines...), so the text is
 * also decoded, layer by layer until nothing changes, and scanned at every layer; when only a
 * decoded form shows a secret, the decoded form is what is returned, redacted. A JWT-shaped string
 * is redacted wherever it is, as a backstop for secrets under names we do not know.
 */

export const REDACTED = 'REDACTED';

/**
 * Names whose value is a secret, compared without case and without `-`, `_` or `.` (so
 * `auth-token`, `Auth_Token` and `authToken` are one name): SageMaker's presigned URLs (`token`,
 * `authToken`), SigV4 presigning (`X-Amz-Signature`, `X-Amz-Credential`, `X-Amz-Security-Token`)
 * and OAuth/OIDC redirects (`id_token`, `access_token`, `refresh_token`).
 */
const SECRET_NAMES = new Set([
  'token',
  'authtoken',
  'xauthtoken',
  'idtoken',
  'accesstoken',
  'refreshtoken',
  'sessiontoken',
  'securitytoken',
  'xamzsignature',
  'xamzcredential',
  'xamzsecuritytoken',
]);

function isSecretName(name: string): boolean {
  return SECRET_NAMES.has(name.toLowerCase().replace(/[-_.]/g, ''));
}

// A value wrapped onto the next line(s) by a terminal or a log viewer: a line break, indentation,
// then more token characters. It may take one word of a following line too: better than a leak.
const wrapped = String.raw`(?:(?:\r\n|\r|\n)[ \t]*[A-Za-z0-9%+/=_.~-]+)*`;
// A parameter after a URL delimiter (? & # ;); its value runs to the next delimiter, quote or space.
const paramName = /[?&#;]([A-Za-z0-9_.-]+)=/g;
const paramValue = new RegExp(String.raw`[^&#;\s"'<>` + '`' + String.raw`\\]*${wrapped}`, 'y');
// A quoted object field: "token": "…" or 'token': '…'.
const fieldName = /(["'])([A-Za-z0-9_.-]+)\1[ \t]*:[ \t]*(["'])/g;
const fieldValue = (quote: string): RegExp => new RegExp(`[^${quote}\\r\\n\\\\]*${wrapped}`, 'y');
// Three base64 parts (url-safe or standard), the first two starting like a JSON object: a JWT
// (or the start of a JWE), wherever it is, even glued to a word (`session_eyJ…`).
const jwtShaped = /eyJ[A-Za-z0-9_+/-]{4,}=*\.[A-Za-z0-9_+/-]{4,}=*(?:\.[A-Za-z0-9_+/=-]*){1,3}/g;

/** Replaces the value that starts at each match of `name` whose name is secret. */
function redactValues(text: string, name: RegExp, value: (m: RegExpExecArray) => RegExp, nameGroup: number): string {
  let out = '';
  let copied = 0;
  name.lastIndex = 0;
  for (let m = name.exec(text); m; m = name.exec(text)) {
    if (!isSecretName(m[nameGroup])) {
      // Scan on from just after the name, so a secret inside this parameter's value is still seen.
      continue;
    }
    const v = value(m);
    v.lastIndex = name.lastIndex;
    const end = v.exec(text) ? v.lastIndex : name.lastIndex;
    out += `${text.slice(copied, name.lastIndex)}${REDACTED}`;
    copied = end;
    name.lastIndex = Math.max(end, name.lastIndex);
  }
  return out + text.slice(copied);
}

function redactPlain(text: string): string {
  const params = redactValues(text, paramName, () => paramValue, 1);
  const fields = redactValues(params, fieldName, (m) => fieldValue(m[3]), 2);
  return fields.replace(jwtShaped, REDACTED);
}

const htmlEntities: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  equals: '=',
  quest: '?',
  num: '#',
  semi: ';',
  sol: '/',
  colon: ':',
  percnt: '%',
  plus: '+',
  period: '.',
  lowbar: '_',
  hyphen: '-',
  newline: '\n',
};

/**
 * One layer of the encodings a URL is found in: JSON/JS escapes (`\u003F`, `\u{3f}`, `\x3f`,
 * `\"`, `\/`), HTML entities, percent-encoding (and the old `%u003f` form).
 */
function decodeOnce(text: string): string {
  return text
    .replace(/\\u\{([0-9a-fA-F]{1,6})\}/g, (m, h: string) => safeCodePoint(parseInt(h, 16)) ?? m)
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\(["'/])/g, '$1')
    .replace(/&#x([0-9a-fA-F]{1,6});?/g, (m, h: string) => safeCodePoint(parseInt(h, 16)) ?? m)
    .replace(/&#([0-9]{1,7});?/g, (m, d: string) => safeCodePoint(parseInt(d, 10)) ?? m)
    .replace(/&([a-z]+);/gi, (m, name: string) => htmlEntities[name.toLowerCase()] ?? m)
    .replace(/%u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
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

/**
 * How many layers of encoding are taken off at most. Real URLs nest a few levels deep; text still
 * changing after this many is withheld rather than shown with a secret one layer further down.
 */
export const MAX_DECODED_LAYERS = 24;

/**
 * Replaces the values of secret URL parameters (`token`, `authToken`, `auth-token`,
 * `X-Amz-Signature`, ... any case, after `?`, `&`, `#` or `;`), of quoted object fields with those
 * names (`"token": "…"`), and JWT-shaped strings in `text` with REDACTED, also when the text is
 * percent-encoded (any number of times), HTML-escaped, JSON- or JS-escaped, or wrapped across lines.
 */
export function redactUrl(text: string): string {
  const plain = redactPlain(text);
  let current = plain;
  let revealed = false;
  for (let layer = 0; layer < MAX_DECODED_LAYERS; layer++) {
    const next = decodeOnce(current);
    if (next === current) {
      // Nothing left to decode. If some layer showed a secret the plain scan could not see, the
      // decoded text, redacted layer by layer, is the only form in which it is reliably cut out.
      return revealed ? current : plain;
    }
    // Redact at each layer, before a further decode can turn the value's own escapes into delimiters.
    current = redactPlain(next);
    revealed ||= current !== next;
  }
  return `${REDACTED} (text encoded more than ${MAX_DECODED_LAYERS} layers deep is not shown)`;
}
