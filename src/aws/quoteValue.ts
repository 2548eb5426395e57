/**
 * How a message echoes a value it did not write itself (a link's, a setting's, an endpoint's): short,
 * quoted and on one line, so the value cannot shape what the user reads (no wall of text, no line
 * break starting a sentence of its own, no bidirectional override reordering the words).
 */

/** At most this many characters of a value are echoed. */
export const ECHO_MAX = 40;

// Controls, format characters (bidi overrides, zero-width), line and paragraph separators, surrogates.
const hidden = /[\p{C}\p{Zl}\p{Zp}]/u;

function escaped(c: string): string {
  switch (c) {
    case '"':
      return '\\"';
    case '\\':
      return '\\\\';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default:
      return hidden.test(c) ? `\\u{${c.codePointAt(0)!.toString(16)}}` : c;
  }
}

/**
 * `"value"`, with quotes, backslashes, line breaks and invisible characters escaped, cut after
 * `max` characters of output with `…` and the value's full length: `"aaaa…" (200000 characters)`.
 */
export function quoteValue(v: unknown, max = ECHO_MAX): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  let out = '';
  for (const c of s) {
    const e = escaped(c);
    if (out.length + e.length > max) {
      return `"${out}…" (${s.length} characters)`;
    }
    out += e;
  }
  return `"${out}"`;
}
