import * as assert from 'node:assert/strict';
import { createSageMakerAccess, listProfileNames } from '../../../src/aws/index';
import { useAwsFiles, type AwsFiles, awsError } from './helpers';

const CONFIG = `[default]
region = eu-west-1

[profile dev]
region = us-west-2

[profile no-region]
output = json

[profile bad-region]
region = moon-base-1x

[sso-session corp]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1
`;
const CREDENTIALS = `[default]
aws_access_key_id = AKIDDEFAULT
aws_secret_access_key = secret

[ci-only]
aws_access_key_id = AKIDCI
aws_secret_access_key = secret
`;


describe('aws/profiles and regions', () => {
  let files: AwsFiles;
  afterEach(() => files?.restore());

  it('lists the profiles of both shared files (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE), default first, no sso-session sections', async () => {
    files = useAwsFiles(CONFIG, CREDENTIALS);
    assert.deepEqual(await listProfileNames(), ['default', 'bad-region', 'ci-only', 'dev', 'no-region']);
  });

  it('re-reads the files on each listing', async () => {
    files = useAwsFiles(CONFIG, CREDENTIALS);
    await listProfileNames();
    const fs = await import('node:fs');
    fs.appendFileSync(files.configFile, '\n[profile added-later]\nregion = us-east-1\n');
    assert.ok((await listProfileNames()).includes('added-later'));
  });

  it('no files: no profiles', async () => {
    files = useAwsFiles('', '');
    assert.deepEqual(await listProfileNames(), []);
  });

  it('explicit regions win, trimmed and de-duplicated', async () => {
    files = useAwsFiles(CONFIG, CREDENTIALS, { AWS_REGION: 'ap-south-1' });
    const access = createSageMakerAccess({ profile: 'dev', regions: [' us-east-1', 'eu-central-1', 'us-east-1', ''] });
    assert.deepEqual(await access.resolveRegions(), ['us-east-1', 'eu-central-1']);
  });

  it("else the named profile's region, else the default profile's (or AWS_PROFILE's)", async () => {
    files = useAwsFiles(CONFIG, CREDENTIALS, { AWS_REGION: 'ap-south-1' });
    assert.deepEqual(await createSageMakerAccess({ profile: 'dev' }).resolveRegions(), ['us-west-2']);
    assert.deepEqual(await createSageMakerAccess({}).resolveRegions(), ['eu-west-1']);
    process.env.AWS_PROFILE = 'dev';
    assert.deepEqual(await createSageMakerAccess({ regions: [] }).resolveRegions(), ['us-west-2']);
  });

  it('else AWS_REGION, else AWS_DEFAULT_REGION', async () => {
    files = useAwsFiles(CONFIG, CREDENTIALS, { AWS_REGION: 'ap-south-1', AWS_DEFAULT_REGION: 'ca-central-1' });
    assert.deepEqual(await createSageMakerAccess({ profile: 'no-region' }).resolveRegions(), ['ap-south-1']);
    delete process.env.AWS_REGION;
    assert.deepEqual(await createSageMakerAccess({ profile: 'no-region' }).resolveRegions(), ['ca-central-1']);
  });

  it('no region anywhere: a clear validation error with an action', async () => {
    files = useAwsFiles(CONFIG, CREDENTIALS);
    const e = await awsError(createSageMakerAccess({ profile: 'no-region' }).resolveRegions());
    assert.equal(e.kind, 'validation');
    assert.equal(
      e.userMessage,
      'No AWS region is set: choose regions in the sagemaker.regions setting, set "region" in the profile "no-region", or set AWS_REGION.',
    );
    assert.equal(e.action?.kind, 'open-settings');
  });

  it('a profile that does not exist says so, naming the files read (not "no region"), with or without regions set', async () => {
    files = useAwsFiles(CONFIG, CREDENTIALS);
    for (const regions of [undefined, ['us-east-1']]) {
      const e = await awsError(createSageMakerAccess({ profile: 'no-such-profile', regions }).resolveRegions());
      assert.equal(e.kind, 'no-credentials');
      assert.ok(e.userMessage.startsWith(`The AWS profile "no-such-profile" (from the sagemaker.profile setting) does not exist: it is not in ${files.configFile} or ${files.credentialsFile} (profiles there: `), e.userMessage);
      assert.equal(e.action?.kind, 'select-profile');
    }
  });

  it('a profile file that does not parse: the profile is not found, naming the files', async () => {
    files = useAwsFiles('[profile dev\nregion = us-west-2\nthis is not ini\n', '');
    const e = await awsError(createSageMakerAccess({ profile: 'dev' }).resolveRegions());
    assert.equal(e.kind, 'no-credentials');
    assert.match(e.userMessage, /^The AWS profile "dev" \(from the sagemaker\.profile setting\) does not exist: it is not in .+, which hold no profiles that can be read\./);
  });

  it('an invalid region name is refused, naming where it came from', async () => {
    files = useAwsFiles(CONFIG, CREDENTIALS);
    let e = await awsError(createSageMakerAccess({ regions: ['us-east-1', 'Frankfurt'] }).resolveRegions());
    assert.equal(e.kind, 'validation');
    assert.equal(e.userMessage, '"Frankfurt" is not an AWS region name; expected a name such as us-east-1 or eu-west-2. (from the sagemaker.regions setting)');
    e = await awsError(createSageMakerAccess({ profile: 'bad-region' }).resolveRegions());
    assert.equal(e.userMessage, `"moon-base-1x" is not an AWS region name; expected a name such as us-east-1 or eu-west-2. (from the profile's region setting)`);
  });

  it('blank profile and endpoint settings mean "not set"', async () => {
    files = useAwsFiles(CONFIG, CREDENTIALS);
    const access = createSageMakerAccess({ profile: '  ', endpointUrl: '' });
    assert.equal(access.settings.profile, undefined);
    assert.equal(access.settings.endpointUrl, undefined);
    assert.deepEqual(await access.resolveRegions(), ['eu-west-1']);
  });

  it('an invalid region passed to a call is refused before any request', async () => {
    files = useAwsFiles(CONFIG, CREDENTIALS);
    const e = await awsError(createSageMakerAccess({ endpointUrl: 'http://127.0.0.1:9' }).listDomains('not-a-region'));
    assert.equal(e.kind, 'validation');
    assert.equal(e.operation, 'ListDomains');
  });
});
