/**
 * The MLflow tracking server, MLflow app and partner AI app parts of the URL commands: quick picks
 * for the palette, the request from the settings (validated against each operation's own limits
 * before any call), and the presigning call.
 */
import * as vscode from 'vscode';
import type { MlflowApp, MlflowTrackingServer, PartnerApp, PresignOperation, PresignedUrl, UrlLifetimes } from '../aws/index';
import { PRESIGN_LIMITS } from '../aws/index';
import type { ExtensionServices } from '../context';
import type { PickItem } from '../prompter';
import { SettingsError } from '../settings';
import { kindCodicon, kindTone } from '../tree/status';
import { partnerTypeName } from '../tree/partnerApp';
import { icon, joinDescription } from '../tree/presentation';

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

type Lister<T> = (nextToken: string | undefined, signal: AbortSignal) => Promise<{ items: readonly T[]; nextToken?: string }>;

function pages<T>(list: Lister<T>, toItem: (t: T) => PickItem<T>): (signal: AbortSignal) => AsyncIterable<PickItem<T>[]> {
  return async function* (signal: AbortSignal) {
    let token: string | undefined;
    do {
      const page = await list(token, signal);
      yield page.items.map(toItem);
      token = page.nextToken;
    } while (token && !signal.aborted);
  };
}

export function pickTrackingServer(s: ExtensionServices, region: string): Promise<MlflowTrackingServer | undefined> {
  const access = s.session.access();
  return s.prompter().pick({
    title: `MLflow tracking server (${region})`,
    placeholder: 'Select an MLflow tracking server',
    items: pages(
      (nextToken, signal) => access.listMlflowTrackingServers(region, { nextToken, maxResults: 100, signal }),
      (t) => ({
        label: t.trackingServerName,
        description: joinDescription([t.status, t.mlflowVersion && `MLflow ${t.mlflowVersion}`]),
        value: t,
        iconPath: icon(kindCodicon('beaker', t.status), kindTone(t.status)),
      }),
    ),
  });
}

export function pickMlflowApp(s: ExtensionServices, region: string): Promise<MlflowApp | undefined> {
  const access = s.session.access();
  return s.prompter().pick({
    title: `MLflow app (${region})`,
    placeholder: 'Select an MLflow app',
    items: pages(
      (nextToken, signal) => access.listMlflowApps(region, { nextToken, maxResults: 100, signal }),
      (a) => ({ label: a.name, description: a.status, value: a, iconPath: icon(kindCodicon('graph-line', a.status), kindTone(a.status)) }),
    ),
  });
}

export function pickPartnerApp(s: ExtensionServices, region: string): Promise<PartnerApp | undefined> {
  const access = s.session.access();
  return s.prompter().pick({
    title: `Partner AI app (${region})`,
    placeholder: 'Select a partner AI app',
    items: pages(
      (nextToken, signal) => access.listPartnerApps(region, { nextToken, maxResults: 100, signal }),
      (a) => ({ label: a.name, description: joinDescription([a.status, partnerTypeName(a.type)]), value: a, iconPath: icon(kindCodicon('plug', a.status), kindTone(a.status)) }),
    ),
  });
}

/** The palette's question for one of these kinds, in a region already chosen. */
export async function askKindTarget(s: ExtensionServices, kind: KindTarget['kind'], region: string): Promise<KindTarget | undefined> {
  switch (kind) {
    case 'mlflowTrackingServer': {
      const server = await pickTrackingServer(s, region);
      return server && { kind, region, server };
    }
    case 'mlflowApp': {
      const app = await pickMlflowApp(s, region);
      return app && { kind, region, app };
    }
    case 'partnerApp': {
      const app = await pickPartnerApp(s, region);
      return app && { kind, region, app };
    }
  }
}
