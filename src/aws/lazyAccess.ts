/**
 * createSageMakerAccess(): the access object the VS Code layer and the tests use. It is created at
 * once and cheaply (no SDK, none of the layer's own calls): its first method call loads dist/sdk.js
 * (the SDK and the AWS layer's implementation, ./sdk.ts) and hands every call to the access object
 * built there (./access.ts). Every call needs the SDK anyway (the profile files are read with its
 * loader), but for the regions of the sagemaker.regions setting when no profile is named: those
 * are answered here, so the tree's root shows without loading the SDK, as before.
 */
import { loadSageMakerSdk } from './clients';
import { lazyLoadProblem } from './codeCache';
import { AwsError } from './errors';
import type { AwsHooks, AwsSettings, AwsTuning, SageMakerAccess } from './types';
import { normalizeSettings, settingRegions } from './awsSettings';

/** The implementation's module (./access.ts), inside dist/sdk.js: a type only, so nothing here loads it. */
type AccessLayer = typeof import('./access');

type Method = Exclude<keyof SageMakerAccess, 'settings' | 'dispose'>;

/** Every call of SageMakerAccess (each returns a promise); the type check below says when one is missing. */
const METHODS = [
  'resolveRegions',
  'presignUrl',
  'listDomains',
  'listUserProfiles',
  'describeDomain',
  'describeUserProfile',
  'listSpacesFor',
  'describeSpace',
  'refreshSpaceApp',
  'startSpace',
  'stopSpace',
  'waitForSpace',
  'listNotebookInstances',
  'describeNotebookInstance',
  'startNotebookInstance',
  'stopNotebookInstance',
  'waitForNotebookInstance',
  'listMlflowTrackingServers',
  'describeMlflowTrackingServer',
  'startMlflowTrackingServer',
  'stopMlflowTrackingServer',
  'waitForMlflowTrackingServer',
  'listMlflowApps',
  'describeMlflowApp',
  'listPartnerApps',
  'describePartnerApp',
  'describeSpaceRemoteAccess',
  'updateSpaceForRemote',
  'startSession',
  'scanRunning',
  'instancePrice',
  'spaceIdleShutdown',
] as const satisfies readonly Method[];

// A method added to SageMakerAccess but not to METHODS fails to compile here.
const everyMethod: [Exclude<Method, (typeof METHODS)[number]>] extends [never] ? true : Exclude<Method, (typeof METHODS)[number]> = true;
void everyMethod;

/**
 * One access object per settings (profile, regions, endpoint). It keeps one SDK client per region,
 * reused across calls; call dispose() when the settings change.
 * `tuning` is for tests and the benchmark (retries, timeouts); the extension uses the defaults.
 */
export function createSageMakerAccess(settings: AwsSettings, hooks?: AwsHooks, tuning?: AwsTuning): SageMakerAccess {
  let real: Promise<SageMakerAccess> | undefined;
  let disposed = false;
  const load = (): Promise<SageMakerAccess> => {
    if (!real) {
      const p = loadSageMakerSdk().then((sdk) => {
        let layer: AccessLayer;
        try {
          layer = sdk.accessLayer() as AccessLayer;
        } catch (e) {
          // Its top level failed (e.g. dist/sdk.js and dist/extension.js from different builds): one clear message, the details for the log.
          throw new AwsError('unknown', `SageMaker Environments could not load its AWS code (sdk.js: ${lazyLoadProblem(e)}). Reinstalling the extension should fix this.`, { cause: e });
        }
        const access = layer.buildSageMakerAccess(settings, hooks, tuning);
        if (disposed) {
          access.dispose();
        }
        return access;
      });
      real = p;
      // A failed load (dist/sdk.js missing or broken: an AwsError saying so) is not kept: the next call tries again.
      p.catch(() => {
        if (real === p) {
          real = undefined;
        }
      });
    }
    return real;
  };
  const calls = Object.fromEntries(
    METHODS.map((name) => [name, async (...args: unknown[]): Promise<unknown> => ((await load())[name] as (...a: unknown[]) => Promise<unknown>)(...args)]),
  ) as Pick<SageMakerAccess, Method>;
  const normalized = normalizeSettings(settings);
  return {
    ...calls,
    // No profile named (the setting, or AWS_PROFILE) means none to look for in the files: then the
    // setting's regions need no SDK. Anything else is the full resolution, in ./access.ts.
    resolveRegions: async () => (!normalized.profile && !process.env.AWS_PROFILE && settingRegions(normalized)) || (await load()).resolveRegions(),
    settings: normalized,
    dispose: () => {
      disposed = true;
      real?.then((a) => a.dispose()).catch(() => undefined);
    },
  };
}

/**
 * Profile names from the config and credentials files, sorted, without duplicates (./profiles.ts,
 * in dist/sdk.js with the SDK whose loader reads the files).
 */
export async function listProfileNames(): Promise<string[]> {
  return ((await loadSageMakerSdk()).accessLayer() as AccessLayer).listProfileNames();
}
