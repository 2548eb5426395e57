/**
 * The MLflow tracking server, MLflow app and partner AI app parts of the URL commands: the request
 * from the settings (validated against each operation's own limits before any call), and the
 * presigning call. Their palette picks are the tree's rows (./targets.ts, ./pickLists.ts).
 */
import * as vscode from 'vscode';
import type { PresignOperation, PresignedUrl, UrlLifetimes } from '../aws/index';
import { PRESIGN_LIMITS } from '../aws/index';
import type { ExtensionServices } from '../context';
import { SettingsError } from '../settings';

export type { KindTarget } from '../tree/target';
import type { KindTarget } from '../tree/target';

export const KIND_OPERATION: Record<KindTarget['kind'], PresignOperation> = {
  mlflowTrackingServer: 'CreatePresignedMlflowTrackingServerUrl',
  mlflowApp: 'CreatePresignedMlflowAppUrl',
  partnerApp: 'CreatePartnerAppPresignedUrl',
};

/** MLflow URLs can be used once (the API reference says so); partner app URLs are not said to be. */
export function isSingleUse(kind: string): boolean {
  return kind === 'mlflowTrackingServer' || kind === 'mlflowApp';
}

export function describeKindTarget(t: KindTarget): string {
  switch (t.kind) {
    case 'mlflowTrackingServer':
      return `MLflow tracking server ${t.server.trackingServerName}`;
    case 'mlflowApp':
      return `MLflow app ${t.app.name}`;
    case 'partnerApp':
      return `partner AI app ${t.app.name}`;
  }
}

const SETTINGS = {
  expiresInSeconds: 'sagemaker.presignedUrl.expiresInSeconds',
  sessionExpirationDurationInSeconds: 'sagemaker.presignedUrl.sessionExpirationDurationInSeconds',
} as const;

/**
 * Both lifetimes for `operation`: this URL's options, else the settings; each checked against the
 * operation's own range (from the API model). A bad setting is a SettingsError naming it; no call is made.
 */
export function kindLifetimes(operation: PresignOperation, options: UrlLifetimes = {}): Required<UrlLifetimes> {
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

/** Makes the URL for a tracking server, MLflow app or partner app: exactly one call. */
export function presignKind(s: ExtensionServices, t: KindTarget, lifetimes: Required<UrlLifetimes>): Promise<PresignedUrl> {
  const access = s.session.access();
  switch (t.kind) {
    case 'mlflowTrackingServer':
      return access.presignMlflowTrackingServerUrl(t.region, { trackingServerName: t.server.trackingServerName, ...lifetimes });
    case 'mlflowApp':
      return access.presignMlflowAppUrl(t.region, { arn: t.app.arn, ...lifetimes });
    case 'partnerApp':
      return access.presignPartnerAppUrl(t.region, { arn: t.app.arn, ...lifetimes });
  }
}
