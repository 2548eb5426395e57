/**
 * The user's profiles and regions, read with the SDK's own shared-ini loader (so AWS_CONFIG_FILE,
 * AWS_SHARED_CREDENTIALS_FILE and AWS_PROFILE mean what they mean to the AWS CLI and SDK).
 * The loader is imported on first use to keep it off the extension's activation path.
 */
import type { SharedConfigFiles } from '@smithy/types';
import { toAwsError } from './errors';

const nonProfileSection = /^(sso-session|services)\./;

async function loadFiles(): Promise<SharedConfigFiles> {
  const { loadSharedConfigFiles } = await import('@smithy/shared-ini-file-loader');
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
