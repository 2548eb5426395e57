import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSageMakerAccess, type SageMakerAccess } from '../../../src/aws/index';
import { startEmulator, type RunningEmulator } from '../../emulator/index';
import { startFakeSts, type FakeSts } from './fake-sts';
import { useAwsFiles, type AwsFiles, awsError } from './helpers';

const SECOND = { accessKeyId: 'AKIASECONDPROFILE001', secretAccessKey: 'secondProfileSecret000000000000000000000' };
const UNKNOWN = { accessKeyId: 'AKIANOTREGISTERED001', secretAccessKey: 'unknownSecret0000000000000000000000000000' };


describe('aws/credentials: profiles really choose the signing keys (local SageMaker endpoint)', function () {
  let emu: RunningEmulator;
  let files: AwsFiles;
  const made: SageMakerAccess[] = [];
  const access = (profile: string | undefined, mfaCode?: (serial: string) => Promise<string>): SageMakerAccess => {
    const a = createSageMakerAccess({ profile, endpointUrl: emu.url }, { mfaCode }, { maxAttempts: 1 });
    made.push(a);
    return a;
  };

  before(async () => {
    emu = await startEmulator({ data: 'demo', transitionDelayMs: 100 });
    emu.addCredentials(SECOND);
  });
  after(async () => emu.stop());
  beforeEach(() => emu.resetCallCounts());
  afterEach(() => {
    made.splice(0).forEach((a) => a.dispose());
    files?.restore();
  });

  function writeFiles(extraConfig = '', env: Record<string, string> = {}): void {
    files = useAwsFiles(
      `[default]
region = us-east-1

[profile second]
region = eu-west-1

[profile stranger]
region = us-east-1
${extraConfig}`,
      `[default]
aws_access_key_id = ${emu.accessKeyId}
aws_secret_access_key = ${emu.secretAccessKey}

[second]
aws_access_key_id = ${SECOND.accessKeyId}
aws_secret_access_key = ${SECOND.secretAccessKey}

[stranger]
aws_access_key_id = ${UNKNOWN.accessKeyId}
aws_secret_access_key = ${UNKNOWN.secretAccessKey}
`,
      env,
    );
  }

  it('switching profile switches the keys: accepted, rejected, accepted again', async () => {
    writeFiles();
    assert.equal((await access('default').listDomains('us-east-1')).items.length, 3);
    const e = await awsError(access('stranger').listDomains('us-east-1'), 'region-rejected');
    assert.match(e.userMessage, /^SageMaker in us-east-1 did not accept the credentials from profile "stranger" \(UnrecognizedClientException\)\./);
    assert.equal((await access('second').listDomains('eu-west-1')).items.length, 2);
    assert.equal(emu.callCount('ListDomains'), 3, 'each profile reached the endpoint');
  });

  it('without a profile setting, AWS_PROFILE chooses the profile (default chain)', async () => {
    writeFiles('', { AWS_PROFILE: 'stranger' });
    await awsError(access(undefined).listDomains('us-east-1'), 'region-rejected');
    process.env.AWS_PROFILE = 'second';
    assert.equal((await access(undefined).listDomains('eu-west-1')).items.length, 2);
  });

  it('the profile setting wins over AWS_ACCESS_KEY_ID in the environment', async () => {
    writeFiles('', { AWS_ACCESS_KEY_ID: UNKNOWN.accessKeyId, AWS_SECRET_ACCESS_KEY: UNKNOWN.secretAccessKey });
    assert.equal((await access('second').listDomains('eu-west-1')).items.length, 2);
    await awsError(access(undefined).listDomains('us-east-1'), 'region-rejected');
  });

  it("without the endpoint setting, the SDK's own AWS_ENDPOINT_URL_SAGEMAKER and profile endpoint_url apply", async () => {
    writeFiles(`\n[profile with-endpoint]\nregion = us-east-1\nendpoint_url = ${emu.url}\n`, { AWS_ENDPOINT_URL_SAGEMAKER: emu.url });
    fs.appendFileSync(files.credentialsFile, `\n[with-endpoint]\naws_access_key_id = ${emu.accessKeyId}\naws_secret_access_key = ${emu.secretAccessKey}\n`);
    const byEnv = createSageMakerAccess({}, {}, { maxAttempts: 1 });
    made.push(byEnv);
    assert.equal((await byEnv.listDomains('us-east-1')).items.length, 3);
    delete process.env.AWS_ENDPOINT_URL_SAGEMAKER;
    const byProfile = createSageMakerAccess({ profile: 'with-endpoint' }, {}, { maxAttempts: 1 });
    made.push(byProfile);
    assert.equal((await byProfile.listDomains('us-east-1')).items.length, 3);
    assert.equal(emu.callCount('ListDomains'), 2);
    // A services section: [services local] sagemaker = endpoint_url = ...
    fs.appendFileSync(files.configFile, `\n[profile with-services]\nregion = us-east-1\nservices = local\n\n[services local]\nsagemaker =\n  endpoint_url = ${emu.url}\n`);
    fs.appendFileSync(files.credentialsFile, `\n[with-services]\naws_access_key_id = ${emu.accessKeyId}\naws_secret_access_key = ${emu.secretAccessKey}\n`);
    const byServices = createSageMakerAccess({ profile: 'with-services' }, {}, { maxAttempts: 1 });
    made.push(byServices);
    assert.equal((await byServices.listDomains('us-east-1')).items.length, 3);
    // The environment outranks the profile's endpoint_url, as in the SDK.
    process.env.AWS_ENDPOINT_URL_SAGEMAKER = 'http://127.0.0.1:9';
    const envWins = createSageMakerAccess({ profile: 'with-endpoint' }, {}, { maxAttempts: 1 });
    made.push(envWins);
    await awsError(envWins.listDomains('us-east-1'), 'network');
  });

  it('a credential_process profile', async () => {
    writeFiles();
    const script = path.join(files.dir, 'creds.js');
    fs.writeFileSync(script, `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: ${JSON.stringify(SECOND.accessKeyId)}, SecretAccessKey: ${JSON.stringify(SECOND.secretAccessKey)} }));`);
    fs.appendFileSync(files.configFile, `\n[profile from-process]\nregion = us-east-1\ncredential_process = "${process.execPath}" "${script}"\n`);
    assert.equal((await access('from-process').listDomains('us-east-1')).items.length, 3);
  });

  it('a profile with no credentials: no-credentials, select a profile', async () => {
    writeFiles('\n[profile empty]\nregion = us-east-1\n');
    const e = await awsError(access('empty').listDomains('us-east-1'), 'no-credentials');
    assert.match(e.userMessage, /^No AWS credentials could be loaded from profile "empty"/);
    assert.equal(e.action?.kind, 'select-profile');
    assert.equal(emu.callCount(), 0);
  });

  it('after the user fixes the profile (e.g. signs in again), Retry works with the same access object', async () => {
    writeFiles('\n[profile later]\nregion = us-east-1\n');
    const a = access('later');
    await awsError(a.listDomains('us-east-1'), 'no-credentials');
    fs.appendFileSync(files.credentialsFile, `\n[later]\naws_access_key_id = ${SECOND.accessKeyId}\naws_secret_access_key = ${SECOND.secretAccessKey}\n`);
    assert.equal((await a.listDomains('us-east-1')).items.length, 3);
  });

  it('a profile that does not exist: no-credentials', async () => {
    writeFiles();
    await awsError(access('no-such-profile').listDomains('us-east-1'), 'no-credentials');
  });

  it('no credentials anywhere (default chain, IMDS off): no-credentials', async () => {
    files = useAwsFiles('', '');
    await awsError(access(undefined).listDomains('us-east-1'), 'no-credentials');
  });

  it('an SSO profile whose session has expired (no cached token): sso-expired with the login command', async () => {
    writeFiles(`
[profile corp-sso]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = DataScientist
region = us-east-1

[sso-session corp]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access
`);
    // An empty home: no ~/.aws/sso/cache token.
    const savedHome = process.env.HOME;
    process.env.HOME = files.dir;
    try {
      const e = await awsError(access('corp-sso').listDomains('us-east-1'), 'sso-expired');
      assert.deepEqual(e.action?.terminalCommand, ['aws', 'sso', 'login', '--profile', 'corp-sso']);
      assert.equal(e.userMessage, 'The AWS SSO session for profile "corp-sso" has expired. Sign in again with: aws sso login --profile corp-sso');

      // A cached token past its expiry, with nothing to refresh it: the same.
      const cache = path.join(files.dir, '.aws', 'sso', 'cache');
      fs.mkdirSync(cache, { recursive: true });
      const { createHash } = await import('node:crypto');
      fs.writeFileSync(
        path.join(cache, `${createHash('sha1').update('corp').digest('hex')}.json`),
        JSON.stringify({ accessToken: 'expired-sso-token', expiresAt: new Date(Date.now() - 3600_000).toISOString(), region: 'us-east-1', startUrl: 'https://example.awsapps.com/start' }),
      );
      const expired = await awsError(access('corp-sso').listDomains('us-east-1'), 'sso-expired');
      assert.deepEqual(expired.action?.terminalCommand, ['aws', 'sso', 'login', '--profile', 'corp-sso']);
      assert.ok(!expired.userMessage.includes('expired-sso-token'));
    } finally {
      process.env.HOME = savedHome;
    }
  });

  describe('assume-role with MFA (through a local STS)', () => {
    let sts: FakeSts;
    before(async () => {
      sts = await startFakeSts();
      emu.addCredentials(sts.credentials);
    });
    after(async () => sts.stop());

    // The source profile's keys are ones the endpoint rejects: success proves the role's keys signed.
    it('asks the MFA callback for the code of the mfa_serial, sends it to STS, and signs with the role keys', async () => {
      const serial = 'arn:aws:iam::123456789012:mfa/alice';
      writeFiles(
        `
[profile mfa-role]
role_arn = arn:aws:iam::123456789012:role/sagemaker-user
source_profile = stranger
mfa_serial = ${serial}
region = us-east-1
`,
        { AWS_ENDPOINT_URL_STS: sts.url },
      );
      const asked: string[] = [];
      const a = access('mfa-role', (s) => {
        asked.push(s);
        return Promise.resolve('123456');
      });
      assert.equal((await a.listDomains('us-east-1')).items.length, 3);
      assert.deepEqual(asked, [serial]);
      assert.equal(sts.calls.length, 1);
      assert.equal(sts.calls[0].RoleArn, 'arn:aws:iam::123456789012:role/sagemaker-user');
      assert.equal(sts.calls[0].SerialNumber, serial);
      assert.equal(sts.calls[0].TokenCode, '123456');
      // The role's keys are reused for further calls, without asking again.
      await a.listNotebookInstances('us-east-1');
      assert.deepEqual(asked, [serial]);
    });

    it('without an MFA callback, an MFA profile is a clear no-credentials error', async () => {
      writeFiles(
        `
[profile mfa-role]
role_arn = arn:aws:iam::123456789012:role/sagemaker-user
source_profile = default
mfa_serial = arn:aws:iam::123456789012:mfa/alice
`,
        { AWS_ENDPOINT_URL_STS: sts.url },
      );
      const e = await awsError(access('mfa-role').listDomains('us-east-1'), 'no-credentials');
      assert.match(e.userMessage, /MFA|mfa/);
    });
  });
});
