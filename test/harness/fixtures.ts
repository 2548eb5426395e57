import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator/index';
import { registerCleanup } from './cleanup';

/**
 * What every run of the extension in code-server gets: the host tier, the UI tier, `npm start`
 * and `npm run test:electron` all call this before starting VS Code.
 *
 * It starts the local SageMaker endpoint (the emulator) with its demo data and points the
 * extension at it: `sagemaker.endpointUrl` and `sagemaker.regions` in the user settings, the
 * emulator's key pair in the environment (the SDK's default chain reads it). `env` goes into
 * code-server's (hence the extension host's) environment, `userSettings` into its user settings.
 */
export interface PreparedEnvironment {
  env: Record<string, string>;
  userSettings: Record<string, unknown>;
  /** The local SageMaker endpoint the extension talks to. */
  emulator: RunningEmulator;
  dispose(): Promise<void>;
}

export interface EnvironmentOptions {
  /** How long the emulator's resources take to change state (ms). Tests want it short. */
  transitionDelayMs?: number;
  /** The emulator's account (default: its demo data); the benchmark uses the large one. */
  data?: EmulatorOptions['data'];
  /** Round-trip latency the emulator adds to every call (the benchmark's). */
  latencyMs?: number;
  /** Told of every SageMaker call once answered (the start-up trace's request log). */
  onCall?: EmulatorOptions['onCall'];
}

/** Environment variable telling the extension-host suites where the emulator is (its admin path, for faults). */
export const EMULATOR_URL_ENV = 'SAGEMAKER_TEST_EMULATOR_URL';

/** The host of the emulator's presigned URLs (see startEmulator's presignedUrlHost). */
export const PRESIGNED_URL_HOST = '127.1';

/** The origin presigned URLs of this emulator start with (for link protection and routing). */
export function presignedOrigin(emulator: RunningEmulator): string {
  return `http://${PRESIGNED_URL_HOST}:${new URL(emulator.url).port}`;
}

export async function prepareEnvironment(options: EnvironmentOptions = {}): Promise<PreparedEnvironment> {
  // The folder's name is checked by test/host/environment.test.ts.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-fixtures-'));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  // Also removed when the driver is interrupted or exits before dispose() is reached.
  const unregister = registerCleanup({ stop: () => Promise.resolve(remove()), stopNow: remove });
  // Empty AWS files, so that nothing run by the harness ever reads the user's own profiles,
  // keys or SSO sessions.
  const config = path.join(dir, 'aws-config');
  const credentials = path.join(dir, 'aws-credentials');
  fs.writeFileSync(config, '');
  fs.writeFileSync(credentials, '');
  const emulator = await startEmulator({
    data: options.data ?? 'demo',
    latencyMs: options.latencyMs,
    onCall: options.onCall,
    transitionDelayMs: options.transitionDelayMs ?? 300,
    // Opened in code-server, a presigned URL on 127.0.0.1 would be rewritten to code-server's
    // port proxy without its path and token; 127.1 is the same address and is opened as is.
    presignedUrlHost: PRESIGNED_URL_HOST,
  });
  const env: Record<string, string> = {
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: credentials,
    AWS_ACCESS_KEY_ID: emulator.accessKeyId,
    AWS_SECRET_ACCESS_KEY: emulator.secretAccessKey,
    AWS_REGION: emulator.regions[0],
    [EMULATOR_URL_ENV]: emulator.url,
  };
  return {
    env,
    emulator,
    userSettings: {
      'sagemaker.endpointUrl': emulator.url,
      'sagemaker.regions': emulator.regions,
    },
    dispose: async () => {
      // The emulator runs in this process: it ends with it if dispose() is never reached.
      await emulator.stop();
      remove();
      unregister();
    },
  };
}

/** Environment variable naming the endpoint the test workspace's own settings point at. */
export const WORKSPACE_ENDPOINT_URL_ENV = 'SAGEMAKER_TEST_WORKSPACE_ENDPOINT_URL';

/** The profile the test workspace's own settings name (no AWS file of the harness has it). */
export const WORKSPACE_PROFILE = 'set-by-the-workspace';

/** The regions the test workspace's own settings name (the user settings name others). */
export const WORKSPACE_REGIONS = ['eu-west-1', 'ap-southeast-2'];

export interface TestWorkspace {
  /** The folder to open: its .vscode/settings.json sets the connection settings otherwise. */
  folder: string;
  /** For the extension host: where the workspace's endpoint is (tests read its call counts). */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/**
 * The folder the extension-host suites open. Its own settings (.vscode/settings.json) name
 * another endpoint (a second local SageMaker endpoint that records the calls it gets), another
 * profile and other regions: the connection settings are machine-scoped, so VS Code must ignore
 * them and the calls must go where the user settings say (test/host/settings.test.ts checks).
 * Written before VS Code starts: code-server does not notice later edits made from outside.
 */
export async function prepareTestWorkspace(): Promise<TestWorkspace> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-workspace-'));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  const unregister = registerCleanup({ stop: () => Promise.resolve(remove()), stopNow: remove });
  const other = await startEmulator({ data: 'demo', transitionDelayMs: 300, presignedUrlHost: PRESIGNED_URL_HOST });
  fs.mkdirSync(path.join(dir, '.vscode'));
  fs.writeFileSync(
    path.join(dir, '.vscode', 'settings.json'),
    JSON.stringify({ 'sagemaker.endpointUrl': other.url, 'sagemaker.regions': WORKSPACE_REGIONS, 'sagemaker.profile': WORKSPACE_PROFILE }, null, 2),
  );
  return {
    folder: dir,
    env: { [WORKSPACE_ENDPOINT_URL_ENV]: other.url },
    dispose: async () => {
      await other.stop();
      remove();
      unregister();
    },
  };
}
