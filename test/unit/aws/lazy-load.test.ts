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
});
