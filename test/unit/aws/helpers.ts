/** Test helpers for the AWS layer: isolated AWS environment variables and temporary shared files. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AwsError, type AwsErrorKind } from '../../../src/aws/index';

const AWS_ENV = [
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_SAGEMAKER',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
];

export interface AwsFiles {
  dir: string;
  configFile: string;
  credentialsFile: string;
  /** Restores the environment and removes the files. */
  restore(): void;
}

/**
 * Points the SDK at fresh config/credentials files (with the given contents) and clears every other
 * AWS_* variable, so the user's own ~/.aws never leaks into a test. IMDS is disabled.
 */
export function useAwsFiles(config: string, credentials: string, env: Record<string, string> = {}): AwsFiles {
  const saved = new Map(AWS_ENV.map((k) => [k, process.env[k]]));
  for (const k of AWS_ENV) {
    delete process.env[k];
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-aws-'));
  const configFile = path.join(dir, 'config');
  const credentialsFile = path.join(dir, 'credentials');
  fs.writeFileSync(configFile, config);
  fs.writeFileSync(credentialsFile, credentials);
  process.env.AWS_CONFIG_FILE = configFile;
  process.env.AWS_SHARED_CREDENTIALS_FILE = credentialsFile;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  Object.assign(process.env, env);
  return {
    dir,
    configFile,
    credentialsFile,
    restore() {
      for (const [k, v] of saved) {
        if (v === undefined) {
          delete process.env[k];
        } else {
          process.env[k] = v;
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The AwsError a promise rejects with (of the given kind, when one is named). */
export async function awsError(p: Promise<unknown>, kind?: AwsErrorKind): Promise<AwsError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AwsError, `expected an AwsError, got ${String(e)}`);
    if (kind !== undefined) {
      assert.equal(e.kind, kind, `kind of "${e.userMessage}"`);
    }
    return e;
  }
  assert.fail(`expected ${kind ?? 'an AwsError'} rejection`);
}

/**
 * The environment for a child process that talks to the local endpoint only: no AWS_* variable of
 * this process, the endpoint's keys, empty shared files (written in `dir`), no IMDS.
 */
export function emulatorOnlyEnv(dir: string, keys: { accessKeyId: string; secretAccessKey: string }, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('AWS_')) {
      env[k] = v;
    }
  }
  const empty = path.join(dir, 'empty-aws-file');
  fs.writeFileSync(empty, '');
  return {
    ...env,
    AWS_ACCESS_KEY_ID: keys.accessKeyId,
    AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
    AWS_CONFIG_FILE: empty,
    AWS_SHARED_CREDENTIALS_FILE: empty,
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}
