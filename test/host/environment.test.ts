import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The harness's fixtures (test/harness/fixtures.ts) reach the extension host, so tests never
 * read the AWS profiles, keys or SSO sessions of the person running them.
 */
describe('the test environment of the extension host', () => {
  it("points the AWS config and credentials files at the harness's own files, not ~/.aws", () => {
    for (const [name, own] of [['AWS_CONFIG_FILE', 'config'], ['AWS_SHARED_CREDENTIALS_FILE', 'credentials']] as const) {
      const file = process.env[name];
      assert.ok(file, `${name} is not set in the extension host`);
      assert.notEqual(path.resolve(file), path.join(os.homedir(), '.aws', own));
      assert.match(path.basename(path.dirname(file)), /^sagemaker-fixtures-/, `${name} is ${file}`);
    }
  });
});
