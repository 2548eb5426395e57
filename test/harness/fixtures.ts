import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * What every run of the extension in code-server gets: the host tier, the UI tier, `npm start`
 * and `npm run test:electron` all call this before starting VS Code.
 *
 * `env` goes into code-server's (hence the extension host's) environment, `userSettings` into
 * its user settings. This is where the local SageMaker endpoint is started and pointed at
 * (`sagemaker.endpointUrl` and its credentials), once it exists.
 */
export interface PreparedEnvironment {
  env: Record<string, string>;
  userSettings: Record<string, unknown>;
  dispose(): Promise<void>;
}

export async function prepareEnvironment(): Promise<PreparedEnvironment> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-fixtures-'));
  // Empty AWS files, so that nothing run by the harness ever reads the user's own profiles,
  // keys or SSO sessions.
  const config = path.join(dir, 'aws-config');
  const credentials = path.join(dir, 'aws-credentials');
  fs.writeFileSync(config, '');
  fs.writeFileSync(credentials, '');
  const env: Record<string, string> = {
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: credentials,
  };
  return Promise.resolve({
    env,
    userSettings: {},
    dispose: () => Promise.resolve(fs.rmSync(dir, { recursive: true, force: true })),
  });
}
