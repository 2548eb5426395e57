/** Starts the local SageMaker endpoint for a suite and builds access objects that talk to it. */
import { createSageMakerAccess, type ApiCallRecord, type AwsHooks, type AwsTuning, type SageMakerAccess } from '../../../src/aws/index';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/index';
import { useAwsFiles, type AwsFiles } from './helpers';

export interface EmulatorFixture {
  emu: RunningEmulator;
  files: AwsFiles;
  /** API call records of every access made by `access()`. */
  records: ApiCallRecord[];
  /** An access object signed with the emulator's default keys (from the environment). */
  access(tuning?: AwsTuning, hooks?: AwsHooks): SageMakerAccess;
  close(): Promise<void>;
}

export async function emulatorFixture(options: EmulatorOptions = {}): Promise<EmulatorFixture> {
  const emu = await startEmulator({ data: 'demo', transitionDelayMs: 100, ...options });
  const files = useAwsFiles('', '', {
    AWS_ACCESS_KEY_ID: emu.accessKeyId,
    AWS_SECRET_ACCESS_KEY: emu.secretAccessKey,
    AWS_REGION: 'us-east-1',
  });
  const records: ApiCallRecord[] = [];
  const made: SageMakerAccess[] = [];
  return {
    emu,
    files,
    records,
    access(tuning: AwsTuning = {}, hooks: AwsHooks = {}): SageMakerAccess {
      const a = createSageMakerAccess(
        { endpointUrl: emu.url },
        { onApiCall: (r) => { records.push(r); hooks.onApiCall?.(r); }, mfaCode: hooks.mfaCode },
        { maxAttempts: 3, connectionTimeoutMs: 2000, requestTimeoutMs: 5000, ...tuning },
      );
      made.push(a);
      return a;
    },
    async close() {
      made.forEach((a) => a.dispose());
      files.restore();
      await emu.stop();
    },
  };
}
