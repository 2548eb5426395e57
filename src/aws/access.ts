/**
 * The SageMaker access object: the resource families (one module each) over one shared core
 * (settings, SDK clients, the call with its error mapping), and the regions to show. Bundled into
 * dist/sdk.js (see ./sdk.ts accessLayer()), loaded on the first AWS call.
 */
import { AwsCore } from './core';
import { domainAccess } from './domains';
import { AwsError } from './errors';
import { toAwsError } from './errorMapping';
import { mlflowAccess } from './mlflow';
import { notebookAccess } from './notebooks';
import { partnerAppAccess } from './partnerApps';
import { checkProfileExists, effectiveProfileName, profileRegion } from './profiles';
import { settingRegions } from './awsSettings';
import { remoteAccessApi } from './remoteAccess';
import { pricingAccess } from './pricing';
import { runningAccess } from './running';
import { spaceIdleAccess } from './spaceIdle';
import { spaceAccess } from './spaces';
import { urlAccess } from './urlCalls';

export { listProfileNames } from './profiles';
import type { AwsHooks, AwsSettings, AwsTuning, SageMakerAccess } from './types';
import { validateRegion } from './validation';

/**
 * One access object per settings (profile, regions, endpoint). It keeps one SDK client per region,
 * reused across calls; call dispose() when the settings change.
 * `tuning` is for tests and the benchmark (retries, timeouts); the extension uses the defaults.
 * Everyone else calls createSageMakerAccess() (./lazyAccess.ts), which loads this with the SDK.
 */
export function buildSageMakerAccess(settings: AwsSettings, hooks?: AwsHooks, tuning?: AwsTuning): SageMakerAccess {
  const core = new AwsCore(settings, hooks, tuning);
  // The families' presigners stay on the object, unnamed by SageMakerAccess (and so not in the
  // lazy facade's methods): every presigned URL is made through presignUrl, by its operation.
  const families = { ...domainAccess(core), ...spaceAccess(core), ...notebookAccess(core), ...mlflowAccess(core), ...partnerAppAccess(core) };
  return {
    settings: core.settings,
    resolveRegions: () => resolveRegions(core.settings),
    ...families,
    ...urlAccess(families),
    ...remoteAccessApi(core),
    ...runningAccess(core),
    ...pricingAccess(core),
    ...spaceIdleAccess(core),
    dispose: () => core.dispose(),
  };
}

/** The regions to show: the setting (./lazyAccess.ts), else the profile's, else the environment's; each validated. */
async function resolveRegions(settings: AwsSettings): Promise<string[]> {
  // A profile that is not there says so, naming the files, rather than "no region" or a refused key.
  await checkProfileExists(settings.profile);
  const fromSetting = settingRegions(settings);
  if (fromSetting) {
    return fromSetting;
  }
  let fromProfile: string | undefined;
  try {
    fromProfile = await profileRegion(settings.profile);
  } catch (e) {
    throw toAwsError(e, { profile: settings.profile });
  }
  const fromEnv = process.env.AWS_REGION?.trim() || process.env.AWS_DEFAULT_REGION?.trim() || undefined;
  const region = fromProfile ?? fromEnv;
  if (!region) {
    throw new AwsError(
      'validation',
      `No AWS region is set: choose regions in the sagemaker.regions setting, set "region" in the profile "${effectiveProfileName(settings.profile)}", or set AWS_REGION.`,
      { action: { label: 'Open Settings', kind: 'open-settings' } },
    );
  }
  const problem = validateRegion(region);
  if (problem) {
    const source = fromProfile ? `the profile's region setting` : 'AWS_REGION / AWS_DEFAULT_REGION';
    throw new AwsError('validation', `${problem} (from ${source})`, { action: { label: 'Open Settings', kind: 'open-settings' } });
  }
  return [region];
}
