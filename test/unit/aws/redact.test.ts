import * as assert from 'node:assert/strict';
import { REDACTED, redactUrl } from '../../../src/aws/index';

/**
 * Redaction against generated inputs: every way a presigned URL's secret can be written (plain,
 * fragment, `;`, HTML-escaped, percent-encoded up to five times, JSON `\u003F`, JS `\u{3f}` and
 * `%u003f` escapes, inside JSON, as a JSON field, split across lines), around many random tokens per
 * encoding, for every secret parameter name SageMaker's and AWS's presigned URLs use, written with
 * `-`, `_` or camel case. Seeded, so a failure names an input that can be replayed.
 */

/** mulberry32: a small seeded PRNG, so every run generates the same inputs. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function word(r: () => number, alphabet: string, min: number, max: number): string {
  const n = min + Math.floor(r() * (max - min + 1));
  let s = '';
  for (let i = 0; i < n; i++) {
    s += alphabet[Math.floor(r() * alphabet.length)];
  }
  return s;
}

/** A token as SageMaker, STS or SigV4 write them: JWT-like, base64 with + / =, hex, or a credential scope. */
function token(r: () => number): string {
  switch (Math.floor(r() * 4)) {
    case 0:
      return `eyJ${word(r, B64URL, 12, 40)}.eyJ${word(r, B64URL, 20, 120)}.${word(r, B64URL, 20, 60)}`;
    case 1:
      return `${word(r, B64URL.slice(0, 62) + '+/', 30, 200)}==`;
    case 2:
      return word(r, '0123456789abcdef', 64, 64);
    default:
      return `AKIA${word(r, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16, 16)}/20261201/us-east-1/sagemaker/aws4_request`;
  }
}

/** The secret query parameters of SageMaker's presigned URLs, SigV4 presigning and OAuth/OIDC redirects. */
const SECRET_PARAMS = [
  'token',
  'authToken',
  'AuthToken',
  'TOKEN',
  'auth-token',
  'Auth-Token',
  'auth_token',
  'id_token',
  'access_token',
  'access-token',
  'accessToken',
  'refresh_token',
  'session-token',
  'sessionToken',
  'X-Amz-Signature',
  'X-Amz-Credential',
  'X-Amz-Security-Token',
  'x-amz-security-token',
  'x_amz_security_token',
];

const HOSTS = ['https://d-7kx2hq9mzp4a.studio.us-east-1.sagemaker.aws', 'https://nb-1.notebook.cn-north-1.sagemaker.com.cn', 'http://127.1:4566', 'https://example.com'];

function percentEncoded(u: string, times: number): string {
  let s = u;
  for (let i = 0; i < times; i++) {
    s = encodeURIComponent(s);
  }
  return s;
}

/** The URL with a line break (as a terminal or a log viewer wraps it) somewhere inside the secret value. */
function splitInValue(r: () => number, u: string, name: string): string {
  const start = u.indexOf(`${name}=`) + name.length + 1;
  let end = start;
  while (end < u.length && !'&#'.includes(u[end])) {
    end++;
  }
  const at = start + 1 + Math.floor(r() * Math.max(1, end - start - 1));
  return `${u.slice(0, at)}${pick(r, ['\n', '\r\n', '\n    ', '\n\t'])}${u.slice(at)}`;
}

/** Every way the same URL may be written somewhere a log, an error or a notification could print. */
const ENCODINGS: Record<string, (url: string, r: () => number, name: string) => string> = {
  plain: (u) => u,
  'in a sentence': (u) => `Could not open ${u}; try again.`,
  'in quotes': (u) => `url="${u}"`,
  'percent-encoded (%3Ftoken%3D)': (u) => `https://signin.example/redirect?next=${encodeURIComponent(u)}`,
  'percent-encoded twice': (u) => `next=${encodeURIComponent(encodeURIComponent(u))}`,
  'percent-encoded, lower-case escapes': (u) => encodeURIComponent(u).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  'JSON \\u003F escapes': (u) => u.replace(/\?/g, '\\u003F').replace(/&/g, '\\u0026').replace(/=/g, '\\u003d'),
  'inside JSON': (u) => JSON.stringify({ AuthorizedUrl: u, other: 1 }),
  'HTML &amp;': (u) => `<a href="${u.replace(/&/g, '&amp;')}">open</a>`,
  'HTML numeric entities': (u) => u.replace(/\?/g, '&#63;').replace(/&(?!#)/g, '&#x26;').replace(/=/g, '&#61;'),
  'percent-encoded five times': (u) => `next=${percentEncoded(u, 5)}`,
  'percent-encoded three to seven times, in a sentence': (u, r) => `Redirected to ${percentEncoded(u, 3 + Math.floor(r() * 5))} and back.`,
  'JS \\u{3f} escapes': (u) => u.replace(/\?/g, '\\u{3f}').replace(/&/g, '\\u{26}').replace(/=/g, '\\u{3D}'),
  '%u003f escapes': (u) => u.replace(/\?/g, '%u003f').replace(/&/g, '%u0026').replace(/=/g, '%u003D'),
  'JSON-escaped inside a JSON string': (u) => JSON.stringify(JSON.stringify({ url: u })),
  'split across lines': (u, r, name) => splitInValue(r, u, name),
  'split across lines, then percent-encoded': (u, r, name) => `next=${encodeURIComponent(splitInValue(r, u, name))}`,
};

/** Where the secret parameter sits in the URL. */
function urlWith(r: () => number, name: string, value: string): string {
  const host = pick(r, HOSTS);
  const before = r() < 0.5 ? '' : `a=${word(r, 'abc', 1, 5)}&`;
  const after = r() < 0.5 ? '' : `&view=lab`;
  // Mostly percent-encoded as a URL should be; sometimes raw, base64's `+`, `/` and `=` and all.
  const v = r() < 0.7 ? encodeURIComponent(value) : value;
  switch (Math.floor(r() * 4)) {
    case 0:
      return `${host}/auth?${before}${name}=${v}${after}`;
    case 1:
      return `${host}/auth#${before}${name}=${v}${after}`;
    case 2:
      return `${host}/auth;${name}=${v}`;
    default:
      return `${host}/jupyter/default/lab?${before}${name}=${v}${after}#x`;
  }
}

/** The secret, or any 10-character piece of it, in any of the forms it was written in. */
function leaks(out: string, secret: string): string | undefined {
  const forms = [secret, encodeURIComponent(secret), encodeURIComponent(encodeURIComponent(secret))];
  for (const f of forms) {
    for (let i = 0; i + 10 <= f.length; i++) {
      const piece = f.slice(i, i + 10);
      if (out.includes(piece)) {
        return piece;
      }
    }
  }
  return undefined;
}

describe('aws/redactUrl against generated inputs', () => {
  const PER_ENCODING = 300;

  for (const [encoding, encode] of Object.entries(ENCODINGS)) {
    it(`${encoding}: ${PER_ENCODING} random tokens, every secret parameter name`, () => {
      const r = rng(0x5a6e + encoding.length * 7919);
      for (let i = 0; i < PER_ENCODING; i++) {
        const name = SECRET_PARAMS[i % SECRET_PARAMS.length];
        const secret = token(r);
        const input = encode(urlWith(r, name, secret), r, name);
        const out = redactUrl(input);
        const leaked = leaks(out, secret);
        assert.equal(leaked, undefined, `case ${i}: "${leaked}" of the ${name} value survived in:\n${out}`);
        assert.ok(out.includes(REDACTED), `case ${i}: no ${REDACTED} marker in:\n${out}`);
      }
    });
  }

  it('JWT-shaped strings anywhere (no parameter name) are redacted too', () => {
    const r = rng(42);
    for (let i = 0; i < 300; i++) {
      const jwt = `eyJ${word(r, B64URL, 12, 40)}.eyJ${word(r, B64URL, 20, 120)}.${word(r, B64URL, 0, 60)}`;
      const out = redactUrl(`The session ${jwt} was refused (${i}).`);
      assert.equal(leaks(out, jwt), undefined, out);
      assert.match(out, new RegExp(`^The session ${REDACTED} was refused \\(${i}\\)\\.$`));
    }
  });

  it('JWT-shaped strings glued to a word (after _, -, a letter or a digit) or in standard base64 (+ /) are redacted', () => {
    const r = rng(43);
    const B64 = B64URL.slice(0, 62) + '+/';
    for (let i = 0; i < 300; i++) {
      const alphabet = i % 2 === 0 ? B64 : B64URL;
      const jwt = `eyJ${word(r, alphabet, 12, 40)}.eyJ${word(r, alphabet, 20, 120)}.${word(r, alphabet, 10, 60)}`;
      const glue = pick(r, ['_', 'session_', '-', 'x', 'Bearer', '7', ':', '=']);
      const out = redactUrl(`The session ${glue}${jwt} was refused (${i}).`);
      assert.equal(leaks(out, jwt), undefined, `case ${i}: ${out}`);
      assert.ok(out.includes(REDACTED), `case ${i}: ${out}`);
    }
  });

  it('a secret as a JSON or JS object field ("token":"…", \'authToken\': \'…\', escaped JSON) is redacted', () => {
    const r = rng(44);
    const forms: ((name: string, secret: string) => string)[] = [
      (n, s) => JSON.stringify({ [n]: s, region: 'us-east-1' }),
      (n, s) => `{ "${n}" : "${s}" }`,
      (n, s) => `{'${n}': '${s}'}`,
      (n, s) => JSON.stringify(JSON.stringify({ other: 1, [n]: s })),
      (n, s) => `Response: ${JSON.stringify({ Result: { [n]: s } }, null, 2)}`,
    ];
    for (let i = 0; i < 300; i++) {
      const name = SECRET_PARAMS[i % SECRET_PARAMS.length];
      const secret = token(r);
      const out = redactUrl(forms[i % forms.length](name, secret));
      assert.equal(leaks(out, secret), undefined, `case ${i}: the ${name} value survived in:\n${out}`);
      assert.ok(out.includes(REDACTED), `case ${i}: ${out}`);
    }
  });

  it('text encoded deeper than the bound is withheld, not shown half-decoded', () => {
    const secret = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlMTIz';
    const out = redactUrl(`next=${percentEncoded(`https://h/auth?token=${secret}`, 40)}`);
    assert.equal(leaks(out, secret), undefined, out);
    assert.ok(out.includes(REDACTED), out);
  });

  it('keeps what is not secret: hosts, paths, other parameters, ordinary words', () => {
    assert.equal(
      redactUrl('https://d-abc.studio.us-east-1.sagemaker.aws/auth?token=eyJabc.def-ghi&view=lab'),
      `https://d-abc.studio.us-east-1.sagemaker.aws/auth?token=${REDACTED}&view=lab`,
    );
    assert.equal(redactUrl('See https://docs.aws.amazon.com/sagemaker/latest/dg/x.html?a=1#b'), 'See https://docs.aws.amazon.com/sagemaker/latest/dg/x.html?a=1#b');
    assert.equal(redactUrl('100% done; tokens=3 and mytoken=keep'), '100% done; tokens=3 and mytoken=keep');
    assert.equal(redactUrl('Status (Stopped) not in ([InService])'), 'Status (Stopped) not in ([InService])');
    const encoded = `next=${encodeURIComponent('https://h/auth?token=abcdefghijkl&x=1')}`;
    const out = redactUrl(encoded);
    assert.ok(out.includes('https://h/auth') || out.includes('https%3A%2F%2Fh%2Fauth'), out);
    assert.ok(!out.includes('abcdefghijkl'), out);
  });
});
