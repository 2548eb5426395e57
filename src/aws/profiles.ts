/**
 * The user's profiles and regions, read with the SDK's own shared-ini loader (so AWS_CONFIG_FILE,
 * AWS_SHARED_CREDENTIALS_FILE and AWS_PROFILE mean what they mean to the AWS CLI and SDK).
 * The loader comes with the SDK, loaded on first use to keep it off the extension's activation path.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import type { SharedConfigFiles } from '@smithy/types';
import { loadSageMakerSdk } from './clients';
import { AwsError } from './errors';
import { toAwsError } from './errorMapping';

const nonProfileSection = /^(sso-session|services)\./;

async function loadFiles(): Promise<SharedConfigFiles> {
  const { loadSharedConfigFiles } = await loadSageMakerSdk();
  // ignoreCache: the user may have edited the files since the last look (e.g. after `aws configure`).
  return loadSharedConfigFiles({ ignoreCache: true });
}

/** Profile names from the config and credentials files, sorted, without duplicates. */
export async function listProfileNames(): Promise<string[]> {
  let files: SharedConfigFiles;
  try {
    files = await loadFiles();
  } catch (e) {
    throw toAwsError(e, { operation: undefined });
  }
  // The loader keys non-profile sections of the config file as "<type>.<name>" (sso-session, services).
  const sections = Object.keys(files.configFile).filter((k) => !nonProfileSection.test(k));
  const names = new Set([...sections, ...Object.keys(files.credentialsFile)]);
  return [...names].sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
}

/** The profile the SDK will use: the named one, else AWS_PROFILE, else "default". */
export function effectiveProfileName(profile: string | undefined): string {
  return profile || process.env.AWS_PROFILE || 'default';
}

/** The `region` set in the profile's config section, if any. */
export async function profileRegion(profile: string | undefined): Promise<string | undefined> {
  const files = await loadFiles();
  const name = effectiveProfileName(profile);
  const region = files.configFile[name]?.region ?? files.credentialsFile[name]?.region;
  return region?.trim() || undefined;
}

/**
 * The SageMaker endpoint configured for a named profile (its `services` section's
 * `sagemaker.endpoint_url`, else its `endpoint_url`), when nothing outranks it.
 * The SDK applies these itself only for the AWS_PROFILE/default profile, not for a profile given
 * to a client, so for a named profile we look them up the same way, keeping the SDK's order:
 * AWS_ENDPOINT_URL_SAGEMAKER, AWS_ENDPOINT_URL, then the profile; none when
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or the profile's ignore_configured_endpoint_urls is true.
 */
export async function profileEndpointUrl(profile: string): Promise<string | undefined> {
  const env = process.env;
  if (env.AWS_ENDPOINT_URL_SAGEMAKER || env.AWS_ENDPOINT_URL || env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true') {
    return undefined;
  }
  const { configFile } = await loadFiles();
  const section = configFile[profile];
  if (!section || section.ignore_configured_endpoint_urls === 'true') {
    return undefined;
  }
  const services = section.services ? configFile[`services.${section.services}`] : undefined;
  return services?.['sagemaker.endpoint_url'] || section.endpoint_url || undefined;
}

/** The two files the SDK reads profiles from, as it finds them (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, else ~/.aws). */
export function sharedFilePaths(): { config: string; credentials: string } {
  const home = () => path.join(os.homedir(), '.aws');
  return {
    config: process.env.AWS_CONFIG_FILE || path.join(home(), 'config'),
    credentials: process.env.AWS_SHARED_CREDENTIALS_FILE || path.join(home(), 'credentials'),
  };
}

/**
 * Fails when a profile was asked for by name (the setting, or AWS_PROFILE) and neither file has
 * it: the message names the profile and the files read, before anything else is tried. A file
 * that does not parse (the SDK skips lines it cannot read) ends up here too.
 */
export async function checkProfileExists(profile: string | undefined): Promise<void> {
  const name = profile || process.env.AWS_PROFILE || undefined;
  if (!name) {
    return;
  }
  const names = await listProfileNames();
  if (names.includes(name)) {
    return;
  }
  const files = sharedFilePaths();
  const from = profile ? 'the sagemaker.profile setting' : 'AWS_PROFILE';
  throw new AwsError(
    'no-credentials',
    `The AWS profile "${name}" (from ${from}) does not exist: it is not in ${files.config} or ${files.credentials}${names.length ? ` (profiles there: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', …' : ''})` : ', which hold no profiles that can be read'}. Choose another profile, or add a [profile ${name}] section.`,
    { action: { label: 'Select AWS Profile', kind: 'select-profile' } },
  );
}
