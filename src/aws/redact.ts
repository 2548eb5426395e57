/**
 * A presigned URL is a bearer credential: its `token` / `authToken` query value must never reach
 * a log, an error or test output. Everything that might print a URL goes through redactUrl.
 */

export const REDACTED = 'REDACTED';

const secretParam = /^(token|authtoken)$/i;
// In free text: a query parameter named token/authToken (any case) up to the next delimiter.
const secretParamInText = /([?&](?:token|authtoken)=)[^&#\s"'<>`]*/gi;

function redactWholeUrl(text: string): string | undefined {
  if (/\s/.test(text)) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  let changed = false;
  for (const key of [...url.searchParams.keys()]) {
    if (secretParam.test(key)) {
      url.searchParams.set(key, REDACTED);
      changed = true;
    }
  }
  // Keep the text as it was when nothing is secret; the regex below also covers encoded oddities.
  return changed ? url.toString().replace(secretParamInText, `$1${REDACTED}`) : text.replace(secretParamInText, `$1${REDACTED}`);
}

/** Replaces the values of `token` and `authToken` query parameters (any case) in any URL in `text`. */
export function redactUrl(text: string): string {
  return redactWholeUrl(text) ?? text.replace(secretParamInText, `$1${REDACTED}`);
}
