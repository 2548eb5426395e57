import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

describe('aws/index loads no AWS SDK at import time', () => {
  it('importing src/aws/index leaves @aws-sdk and @smithy modules out of require.cache', () => {
    // A fresh process, so modules loaded by other tests cannot hide or fake the result.
    const index = path.resolve(__dirname, '../../../src/aws/index.js');
    const script = `require(${JSON.stringify(index)});
      const loaded = Object.keys(require.cache).filter((k) => /[\\\\/]node_modules[\\\\/]@(aws-sdk|smithy)[\\\\/]/.test(k));
      process.stdout.write(JSON.stringify(loaded));`;
    const loaded = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
    assert.deepEqual(loaded, []);
  });

  it('the same check sees the SDK once a call needs it (the check can fail)', () => {
    const index = path.resolve(__dirname, '../../../src/aws/clients.js');
    const script = `require(${JSON.stringify(index)}).loadSageMakerSdk().then(() => {
      const loaded = Object.keys(require.cache).some((k) => k.includes('client-sagemaker'));
      process.stdout.write(String(loaded));
    });`;
    assert.equal(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }), 'true');
  });

  it('an access object costs nothing: the regions of the setting, with no profile named, need no SDK; a named profile does', () => {
    const index = path.resolve(__dirname, '../../../src/aws/index.js');
    const script = (profile: string) => `const aws = require(${JSON.stringify(index)});
      const access = aws.createSageMakerAccess({ regions: [' eu-west-1', 'us-east-1', 'eu-west-1'], profile: ${JSON.stringify(profile)} });
      const created = Object.keys(require.cache).some((k) => k.includes('client-sagemaker'));
      access.resolveRegions().then((regions) => ({ regions }), (e) => ({ error: e.kind })).then((r) => {
        const loaded = Object.keys(require.cache).some((k) => k.includes('client-sagemaker'));
        process.stdout.write(JSON.stringify({ created, ...r, loaded, info: aws.sdkLoadInfo() !== undefined }));
      });`;
    const env: NodeJS.ProcessEnv = { ...process.env, AWS_CONFIG_FILE: '/nonexistent/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials' };
    delete env.AWS_PROFILE;
    const none = JSON.parse(execFileSync(process.execPath, ['-e', script('')], { encoding: 'utf8', env })) as Record<string, unknown>;
    assert.deepEqual(none, { created: false, regions: ['eu-west-1', 'us-east-1'], loaded: false, info: false });
    // A named profile is looked up in the files, with the SDK's loader: the check above can fail.
    const named = JSON.parse(execFileSync(process.execPath, ['-e', script('nosuchprofile')], { encoding: 'utf8', env })) as Record<string, unknown>;
    assert.deepEqual(named, { created: false, error: 'no-credentials', loaded: true, info: true });
  });

  it('a missing or damaged dist/sdk.js is one clear AwsError (details in its cause, for the log), and the next call tries again', () => {
    const dir = path.resolve(__dirname, '../../../src/aws');
    const script = `const fs = require('node:fs');
      const { loadSageMakerSdk, sdkFile } = require(${JSON.stringify(path.join(dir, 'clients.js'))});
      const { AwsError, errorLogText } = require(${JSON.stringify(path.join(dir, 'errors.js'))});
      const read = fs.readFileSync;
      const failWith = (make) => { fs.readFileSync = function (f, ...rest) { if (f === sdkFile()) throw make(); return read.call(this, f, ...rest); }; };
      const outcome = (p) => p.then(() => 'loaded', (e) => ({ aws: e instanceof AwsError, kind: e.kind, message: e.message, log: errorLogText(e).includes('Caused by') }));
      (async () => {
        failWith(() => Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' }));
        const missing = await outcome(loadSageMakerSdk());
        fs.readFileSync = function (f, ...rest) { return f === sdkFile() ? 'this is not JavaScript(' : read.call(this, f, ...rest); };
        const damaged = await outcome(loadSageMakerSdk());
        fs.readFileSync = read;
        const again = await outcome(loadSageMakerSdk());
        process.stdout.write(JSON.stringify({ missing, damaged, again }));
      })();`;
    const r = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as Record<string, unknown>;
    const expected = (problem: string) => ({
      aws: true,
      kind: 'unknown',
      message: `SageMaker Environments could not load its AWS code (sdk.js: ${problem}). Reinstalling the extension should fix this.`,
      log: true,
    });
    assert.deepEqual(r, { missing: expected('the file is missing'), damaged: expected('the file is damaged'), again: 'loaded' });
  });
});
