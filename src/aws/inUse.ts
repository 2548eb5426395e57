/**
 * The credentials, regions and endpoint the SDK really uses for the settings, worked out from the
 * settings and the environment alone (no file read, no SDK, no call: the activation path asks).
 * With `sagemaker.profile` empty the SDK's chain decides (@aws-sdk/credential-provider-node):
 * AWS_PROFILE if set (keys in the environment are then ignored), else keys in the environment
 * (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), else the profile "default" (and after it, the
 * instance's or container's role). What is shown, remembered (Open Recent) and keyed (the
 * last-known tree) is this, not the setting alone: else `AWS_PROFILE=prod` passes for "default".
 */
import { createHash } from 'node:crypto';
import type { AwsSettings } from './options';

type Env = Readonly<Record<string, string | undefined>>;

export interface CredentialsInUse {
  /** Where the choice comes from. */
  readonly origin: 'setting' | 'AWS_PROFILE' | 'environment keys' | 'default';
  /** The profile read from the shared files; undefined when the environment's keys are used. */
  readonly profile?: string;
  /** The environment's keys: a short hash of AWS_ACCESS_KEY_ID, telling keys apart without naming them. */
  readonly keys?: string;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The credentials the SDK uses for this `sagemaker.profile` (empty: the chain decides). */
export function credentialsInUse(settingProfile: string | undefined, env: Env = process.env): CredentialsInUse {
  if (settingProfile) {
    return { origin: 'setting', profile: settingProfile };
  }
  if (env.AWS_PROFILE) {
    return { origin: 'AWS_PROFILE', profile: env.AWS_PROFILE };
  }
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    return { origin: 'environment keys', keys: shortHash(env.AWS_ACCESS_KEY_ID) };
  }
  return { origin: 'default', profile: 'default' };
}

/** One string per set of credentials: the same profile (however chosen) or the same keys. */
export function credentialsId(c: Pick<CredentialsInUse, 'profile' | 'keys'>): string {
  return c.keys !== undefined ? `keys:${c.keys}` : `profile:${c.profile ?? 'default'}`;
}

/**
 * A profile name as a message quotes it: AWS_PROFILE is not checked like the setting is, so it is
 * cut short and put on one line.
 */
export function quotedName(name: string): string {
  const short = name.length > 64 ? `${name.slice(0, 64)}…` : name;
  return JSON.stringify(short);
}

/** The credentials in words, as prompts and messages name them. */
export function credentialsLabel(c: CredentialsInUse): string {
  switch (c.origin) {
    case 'setting':
      return `AWS profile ${quotedName(c.profile ?? '')}`;
    case 'AWS_PROFILE':
      return `AWS profile ${quotedName(c.profile ?? '')} (from AWS_PROFILE)`;
    case 'environment keys':
      return 'the AWS keys in the environment (AWS_ACCESS_KEY_ID)';
    default:
      return 'the default AWS credentials (profile "default")';
  }
}

/** What a last-known tree is kept for: the credentials, regions and endpoint really in use. */
export interface ConnectionInUse {
  /** credentialsId() of the credentials in use. */
  readonly credentials: string;
  /** The `sagemaker.regions` setting; undefined: the profile's region, else the environment's. */
  readonly regions?: readonly string[];
  /** With no regions setting: AWS_REGION / AWS_DEFAULT_REGION (used when the profile names none). */
  readonly environmentRegion?: string;
  /** The setting; else AWS_ENDPOINT_URL_SAGEMAKER / AWS_ENDPOINT_URL as the SDK applies them; else undefined (AWS, or the profile's own). */
  readonly endpointUrl?: string;
}

/** The connection the SDK uses for these settings in this environment. */
export function connectionInUse(settings: AwsSettings, env: Env = process.env): ConnectionInUse {
  const regions = settings.regions?.length ? settings.regions : undefined;
  const environmentRegion = regions ? undefined : env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || undefined;
  const endpointFromEnv = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true' ? undefined : env.AWS_ENDPOINT_URL_SAGEMAKER || env.AWS_ENDPOINT_URL || undefined;
  return {
    credentials: credentialsId(credentialsInUse(settings.profile, env)),
    regions,
    environmentRegion,
    endpointUrl: settings.endpointUrl || endpointFromEnv,
  };
}
