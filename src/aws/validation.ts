/**
 * The connection settings' values (profile name, region, endpoint URL), checked before any call so
 * bad input gets a specific message and costs nothing. What a request carries (lifetimes, the
 * landing URI, names) is checked in requestValues.ts: only the commands and the AWS layer need that.
 */
import { quoteValue } from './quoteValue';

/** Characters of a profile name: those the AWS CLI and SDKs accept in the shared files' section names. */
export const PROFILE_NAME_RULE = '1 to 128 letters, digits and the characters _ + = , . @ : / -';
const profileNamePattern = /^[A-Za-z0-9_+=,.@:/-]{1,128}$/;

/** A profile name we may pass on, e.g. to `aws sso login --profile`, or undefined when it is valid. */
export function validateProfileName(v: unknown): string | undefined {
  if (typeof v !== 'string' || !profileNamePattern.test(v)) {
    return `${quoteValue(v)} is not a profile name: a profile name has ${PROFILE_NAME_RULE}.`;
  }
  return undefined;
}

/** AWS region names: us-east-1, eu-central-2, us-gov-west-1, us-isob-east-1, cn-north-1, ... */
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;

export function validateRegion(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.length === 0) {
    return 'A region must be a name such as us-east-1.';
  }
  if (!REGION_PATTERN.test(v)) {
    return `${quoteValue(v)} is not an AWS region name; expected a name such as us-east-1 or eu-west-2.`;
  }
  return undefined;
}

/** A custom endpoint: an absolute http(s) URL without credentials, query or fragment. */
export function validateEndpointUrl(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.trim().length === 0) {
    return 'The endpoint URL must be an absolute URL such as https://api.sagemaker.us-east-1.amazonaws.com.';
  }
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return `The endpoint URL ${quoteValue(v)} is not a valid absolute URL; expected e.g. https://api.sagemaker.us-east-1.amazonaws.com.`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `The endpoint URL must use https: (or http:); got ${url.protocol}.`;
  }
  if (url.username || url.password) {
    return 'The endpoint URL may not contain a user name or password.';
  }
  if (url.search || url.hash) {
    return 'The endpoint URL may not contain a query (?...) or fragment (#...).';
  }
  return undefined;
}
