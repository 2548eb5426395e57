import * as vscode from 'vscode';
import type { AwsSettings } from './aws/index';
import { EXPECTED, PROFILE_NAME_RULE, validateEndpointUrl, validateProfileName, validateRegion } from './aws/index';

/** Setting keys (without the `sagemaker.` section). A contract with package.json. */
export const SETTING = {
  profile: 'profile',
  regions: 'regions',
  endpointUrl: 'endpointUrl',
  expiresInSeconds: 'presignedUrl.expiresInSeconds',
  sessionExpiration: 'presignedUrl.sessionExpirationDurationInSeconds',
  landingUri: 'presignedUrl.landingUri',
  clearClipboardOnExpiry: 'clearClipboardOnExpiry',
  pageSize: 'pageSize',
  showLastKnownTree: 'showLastKnownTree',
} as const;

export type SettingKey = (typeof SETTING)[keyof typeof SETTING];

/** Settings whose change means a different account, region or endpoint: the tree starts over. */
export const CONNECTION_SETTINGS: readonly SettingKey[] = [SETTING.profile, SETTING.regions, SETTING.endpointUrl];

/** A setting holds a value we refuse to use. Shown with an "Open Settings" button; no call is made. */
export class SettingsError extends Error {
  readonly expected = EXPECTED;
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
    this.name = 'SettingsError';
  }
}

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('sagemaker');
}

/**
 * Settings a workspace must not choose (where a session lands, how long it and its URL last,
 * whether a copied URL is cleared). They are application-scoped in package.json, so VS Code drops
 * them from workspace and folder settings; reading only the user's value here keeps it so even
 * where a host would not.
 */
export const USER_ONLY_SETTINGS: readonly SettingKey[] = [SETTING.expiresInSeconds, SETTING.sessionExpiration, SETTING.landingUri, SETTING.clearClipboardOnExpiry];

/** The user's own value of a setting (never a workspace's), else its default. */
export function userValue(key: SettingKey, fallback: unknown): unknown {
  const i = config().inspect<unknown>(key);
  return i?.globalValue ?? i?.defaultValue ?? fallback;
}

function fullName(key: SettingKey): string {
  return `sagemaker.${key}`;
}

/** Throws the SettingsError that names the setting and what is wrong with it. */
export function fail(key: SettingKey, problem: string): never {
  throw new SettingsError(fullName(key), `The setting "${fullName(key)}" ${problem}`);
}

export function describeValue(v: unknown): string {
  return JSON.stringify(v) ?? String(v);
}

export function checkRange(key: SettingKey, value: unknown, limits: { min: number; max: number }, unit: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < limits.min || value > limits.max) {
    fail(key, `is ${describeValue(value)}; it must be a whole number of ${unit} from ${limits.min} to ${limits.max}.`);
  }
  return value;
}

/** The connection settings, validated. Throws SettingsError naming the first bad one. */
export function readAwsSettings(): AwsSettings {
  const c = config();
  const profileValue = c.get<unknown>(SETTING.profile, '');
  if (typeof profileValue !== 'string') {
    fail(SETTING.profile, `is ${describeValue(profileValue)}; it must be a profile name (text), or empty for the default credential chain.`);
  }
  const profile = profileValue.trim();
  if (profile && validateProfileName(profile) !== undefined) {
    fail(SETTING.profile, `is ${describeValue(profileValue)}; a profile name has ${PROFILE_NAME_RULE}.`);
  }

  const regionsValue = c.get<unknown>(SETTING.regions, []);
  if (!Array.isArray(regionsValue)) {
    fail(SETTING.regions, `is ${describeValue(regionsValue)}; it must be a list of region codes such as ["us-east-1"], or empty for the profile's region.`);
  }
  const regions: string[] = [];
  for (const r of regionsValue as unknown[]) {
    const problem = validateRegion(r);
    if (problem !== undefined) {
      fail(SETTING.regions, `has ${describeValue(r)}: ${problem} Use region codes such as "us-east-1".`);
    }
    if (!regions.includes(r as string)) {
      regions.push(r as string);
    }
  }

  const endpointValue = c.get<unknown>(SETTING.endpointUrl, '');
  if (typeof endpointValue !== 'string') {
    fail(SETTING.endpointUrl, `is ${describeValue(endpointValue)}; it must be an http(s) URL, or empty for the AWS endpoint.`);
  }
  const endpointUrl = endpointValue.trim();
  if (endpointUrl) {
    const problem = validateEndpointUrl(endpointUrl);
    if (problem !== undefined) {
      fail(SETTING.endpointUrl, `is ${describeValue(endpointUrl)}: ${problem}`);
    }
  }
  return {
    profile: profile || undefined,
    regions: regions.length ? regions : undefined,
    endpointUrl: endpointUrl || undefined,
  };
}

export const PAGE_SIZE = { min: 1, max: 100, default: 100 } as const;

/** How many items one tree page asks for (MaxResults). */
export function readPageSize(): number {
  const v = config().get<unknown>(SETTING.pageSize, PAGE_SIZE.default);
  return checkRange(SETTING.pageSize, v, PAGE_SIZE, 'items');
}

/**
 * Whether a cold open shows the last-known tree (and so whether it is kept on disk at all).
 * Application scope: only the user's own settings say so, never a workspace's.
 */
export function showLastKnownTree(): boolean {
  return userValue(SETTING.showLastKnownTree, true) !== false;
}

export function clearClipboardOnExpiry(): boolean {
  return userValue(SETTING.clearClipboardOnExpiry, true) !== false;
}

/** Writes a user-level (global) setting; connection settings are machine-scoped, never per workspace. */
export async function updateSetting(key: SettingKey, value: unknown): Promise<void> {
  await config().update(key, value, vscode.ConfigurationTarget.Global);
}

export async function openSettings(setting = 'sagemaker'): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', setting);
}
