/**
 * The request of a URL: the call its kind names (`urlCall`, src/kinds/<kind>.ts) with its
 * lifetimes, landing page and view, from the options of this URL, else the settings; checked
 * before any call. What applies is asked of the call's operation (src/aws/urlCalls.ts), not of
 * the kind.
 */
import * as vscode from 'vscode';
import type { NotebookUi, PresignOperation, UrlLifetimes, UrlRequest } from '../aws/index';
import { PRESIGN_LIMITS, hasOwnLimits, landsOnSetting } from '../aws/index';
import { targetSpec, type UrlTarget } from '../kinds/index';
import { SettingsError } from '../settings';
import { readUrlSettings } from '../urlSettings';

export interface UrlOptions {
  readonly landingUri?: string;
  readonly ui?: NotebookUi;
  readonly expiresInSeconds?: number;
  readonly sessionExpirationDurationInSeconds?: number;
}

const SETTINGS = {
  expiresInSeconds: 'sagemaker.presignedUrl.expiresInSeconds',
  sessionExpirationDurationInSeconds: 'sagemaker.presignedUrl.sessionExpirationDurationInSeconds',
} as const;

/**
 * Both lifetimes for an operation with limits of its own: this URL's options, else the settings;
 * each checked against the operation's range (from the API model). A bad setting is a
 * SettingsError naming it and the operation; no call is made.
 */
export function ownLifetimes(operation: PresignOperation, options: UrlLifetimes = {}): Required<UrlLifetimes> {
  const c = vscode.workspace.getConfiguration();
  const out: Partial<Required<UrlLifetimes>> = {};
  for (const member of ['expiresInSeconds', 'sessionExpirationDurationInSeconds'] as const) {
    const { min, max } = PRESIGN_LIMITS[operation][member];
    const fromOptions = options[member];
    const v = fromOptions ?? c.get<unknown>(SETTINGS[member], max);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      const what = fromOptions !== undefined ? `The ${member === 'expiresInSeconds' ? 'URL' : 'session'} lifetime` : `The setting "${SETTINGS[member]}"`;
      throw new SettingsError(SETTINGS[member], `${what} is ${JSON.stringify(v)}; ${operation} accepts a whole number of seconds from ${min} to ${max}.`);
    }
    out[member] = v;
  }
  return out as Required<UrlLifetimes>;
}

/**
 * The request for a target's URL (throws SettingsError before any call). An operation with limits
 * of its own takes its lifetimes checked against them; the others take the URL settings (checked
 * as a whole), the landing page setting where the URL lands by it (Studio; a space opens its own
 * app unless asked otherwise).
 */
export function urlRequest(t: UrlTarget, options: UrlOptions = {}): UrlRequest {
  const call = targetSpec(t).urlCall(t);
  if (hasOwnLimits(call.operation)) {
    return { ...call, ...ownLifetimes(call.operation, options) };
  }
  const settings = readUrlSettings();
  return {
    ...call,
    landingUri: options.landingUri ?? (landsOnSetting(call) ? settings.landingUri : undefined),
    ui: options.ui,
    expiresInSeconds: options.expiresInSeconds ?? settings.expiresInSeconds,
    sessionExpirationDurationInSeconds: options.sessionExpirationDurationInSeconds ?? settings.sessionExpirationDurationInSeconds,
  };
}
