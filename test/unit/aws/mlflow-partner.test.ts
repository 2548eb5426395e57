/** MLflow tracking servers, MLflow apps and partner AI apps through the AWS layer, against the local SageMaker endpoint. */
import * as assert from 'node:assert/strict';
import { KIND_PATTERNS, PRESIGN_LIMITS, validateKindField, type SageMakerAccess } from '../../../src/aws/index';
import { loadApiModel } from '../../emulator/api-model';
import { emulatorFixture, type EmulatorFixture } from './fixture';
import { awsError } from './helpers';

const ACCOUNT = '123456789012';
const TEAM_MLFLOW = `arn:aws:sagemaker:us-east-1:${ACCOUNT}:mlflow-app/app-7dfr2kqm9x4p`;
const COMET = `arn:aws:sagemaker:us-east-1:${ACCOUNT}:partner-app/app-CMT3H8V1K6ZD`;

describe('aws/MLflow and partner AI apps (local SageMaker endpoint)', function () {
  let fx: EmulatorFixture;
  let access: SageMakerAccess;
  before(async () => {
    fx = await emulatorFixture({ transitionDelayMs: 300 });
    access = fx.access();
  });
  after(async () => fx.close());
  beforeEach(() => fx.emu.reset());

  describe('limits and patterns match the SageMaker API model', () => {
    it('each presigning operation\'s ExpiresInSeconds and SessionExpirationDurationInSeconds', () => {
      const model = loadApiModel();
      for (const [op, limits] of Object.entries(PRESIGN_LIMITS)) {
        const members = model.shapes[model.operations[op].input!.shape].members!;
        const expires = model.shapes[members.ExpiresInSeconds.shape];
        const session = model.shapes[members.SessionExpirationDurationInSeconds.shape];
        assert.deepEqual([expires.min, expires.max], [limits.expiresInSeconds.min, limits.expiresInSeconds.max], `${op} ExpiresInSeconds`);
        assert.deepEqual([session.min, session.max], [limits.sessionExpirationDurationInSeconds.min, limits.sessionExpirationDurationInSeconds.max], `${op} session`);
      }
    });

    it('TrackingServerName, MlflowAppArn and PartnerAppArn', () => {
      const model = loadApiModel();
      const inputs = {
        TrackingServerName: ['CreatePresignedMlflowTrackingServerUrl', 'TrackingServerName'],
        MlflowAppArn: ['CreatePresignedMlflowAppUrl', 'Arn'],
        PartnerAppArn: ['CreatePartnerAppPresignedUrl', 'Arn'],
      } as const;
      for (const [field, [op, member]] of Object.entries(inputs) as [keyof typeof KIND_PATTERNS, readonly [string, string]][]) {
        const shape = model.shapes[model.shapes[model.operations[op].input!.shape].members![member].shape];
        assert.deepEqual([shape.pattern, shape.min, shape.max], [KIND_PATTERNS[field].pattern, KIND_PATTERNS[field].min, KIND_PATTERNS[field].max], field);
      }
      assert.equal(validateKindField('PartnerAppArn', COMET), undefined);
      assert.match(validateKindField('PartnerAppArn', TEAM_MLFLOW) ?? '', /not the ARN of a partner AI app/);
      assert.match(validateKindField('TrackingServerName', '-bad') ?? '', /TrackingServerName "-bad" is not valid/);
    });
  });

  it('lists tracking servers by name with status, version and ARN; the name filter applies to the page', async () => {
    const page = await access.listMlflowTrackingServers('us-east-1', { maxResults: 100 });
    assert.deepEqual(
      page.items.map((s) => s.trackingServerName),
      ['fraud-experiments', 'genai-evals', 'mlflow-platform', 'nightly-benchmarks', 'research-tracking', 'tracking-vpc-test'],
    );
    const platform = page.items.find((s) => s.trackingServerName === 'mlflow-platform');
    assert.equal(platform?.status, 'Started');
    assert.equal(platform?.mlflowVersion, '2.16.2');
    assert.equal(platform?.trackingServerArn, `arn:aws:sagemaker:us-east-1:${ACCOUNT}:mlflow-tracking-server/mlflow-platform`);
    const filtered = await access.listMlflowTrackingServers('us-east-1', { nameContains: 'PLATFORM' });
    assert.deepEqual(filtered.items.map((s) => s.trackingServerName), ['mlflow-platform']);
    const first = await access.listMlflowTrackingServers('us-east-1', { maxResults: 4 });
    assert.equal(first.items.length, 4);
    const second = await access.listMlflowTrackingServers('us-east-1', { maxResults: 4, nextToken: first.nextToken });
    assert.deepEqual(second.items.map((s) => s.trackingServerName), ['research-tracking', 'tracking-vpc-test']);
    assert.equal(second.nextToken, undefined);
  });

  it('describes a tracking server with its size', async () => {
    const s = await access.describeMlflowTrackingServer('us-east-1', 'mlflow-platform');
    assert.equal(s.trackingServerSize, 'Medium');
    assert.equal(s.status, 'Started');
  });

  it('lists MLflow apps and partner apps with name, status, ARN (and type)', async () => {
    const apps = await access.listMlflowApps('us-east-1');
    assert.deepEqual(apps.items.map((a) => a.name), ['mlflow-sandbox', 'mlflow-vpc-trial', 'research-mlflow', 'team-mlflow']);
    assert.equal(apps.items.find((a) => a.name === 'team-mlflow')?.arn, TEAM_MLFLOW);
    const partners = await access.listPartnerApps('us-east-1');
    assert.deepEqual(
      partners.items.map((a) => [a.name, a.type, a.status]),
      [
        ['lakeraguard', 'lakera-guard', 'Available'],
        ['cometml', 'comet', 'Available'],
        ['cometstaging', 'comet', 'Updating'],
        ['fiddlerprod', 'fiddler', 'Failed'],
        ['deepchecksllm', 'deepchecks-llm-evaluation', 'Creating'],
      ],
    );
    const failed = await access.describePartnerApp('us-east-1', partners.items.find((a) => a.name === 'fiddlerprod')!.arn);
    assert.match(failed.errorMessage ?? '', /execution role/);
    assert.deepEqual((await access.listPartnerApps('eu-west-1', { nameContains: 'fidd' })).items.map((a) => a.name), ['eufiddler']);
  });

  it('presigns a tracking server URL with the lifetimes asked for, single use, one call', async () => {
    fx.emu.resetCallCounts();
    const p = await access.presignUrl('us-east-1', { operation: 'CreatePresignedMlflowTrackingServerUrl', trackingServerName: 'mlflow-platform', expiresInSeconds: 60, sessionExpirationDurationInSeconds: 1800 });
    assert.match(p.url, /^http:\/\/127\.0\.0\.1:\d+\//);
    assert.equal(fx.emu.callCount(), 1);
    const [grant] = fx.emu.presignedGrants();
    assert.equal(grant.kind, 'mlflowTrackingServer');
    assert.equal(grant.trackingServerName, 'mlflow-platform');
    assert.equal(grant.expiresInSeconds, 60);
    assert.equal(grant.sessionExpirationDurationInSeconds, 1800);
    assert.equal(grant.singleUse, true);
    assert.ok(Math.abs(p.expiresAt.getTime() - Date.now() - 60_000) < 5000);
  });

  it('presigns an MLflow app URL and a partner app URL (its answer field is Url) with the longest lifetimes by default', async () => {
    const app = await access.presignUrl('us-east-1', { operation: 'CreatePresignedMlflowAppUrl', arn: TEAM_MLFLOW });
    const partner = await access.presignUrl('us-east-1', { operation: 'CreatePartnerAppPresignedUrl', arn: COMET });
    assert.ok(app.url && partner.url);
    const grants = fx.emu.presignedGrants();
    assert.deepEqual(
      grants.map((g) => [g.kind, g.arn, g.expiresInSeconds, g.sessionExpirationDurationInSeconds]),
      [
        ['mlflowApp', TEAM_MLFLOW, 300, 43200],
        ['partnerApp', COMET, 300, 43200],
      ],
    );
  });

  it('refuses lifetimes outside the operation\'s range and bad names/ARNs without calling', async () => {
    fx.emu.resetCallCounts();
    let e = await awsError(access.presignUrl('us-east-1', { operation: 'CreatePresignedMlflowTrackingServerUrl', trackingServerName: 'mlflow-platform', expiresInSeconds: 301 }), 'validation');
    assert.match(e.userMessage, /ExpiresInSeconds \(URL lifetime\) of CreatePresignedMlflowTrackingServerUrl must be a whole number of seconds from 5 to 300; got 301/);
    e = await awsError(access.presignUrl('us-east-1', { operation: 'CreatePresignedMlflowAppUrl', arn: TEAM_MLFLOW, sessionExpirationDurationInSeconds: 60 }), 'validation');
    assert.match(e.userMessage, /CreatePresignedMlflowAppUrl must be a whole number of seconds from 1800 to 43200; got 60/);
    e = await awsError(access.presignUrl('us-east-1', { operation: 'CreatePartnerAppPresignedUrl', arn: TEAM_MLFLOW }), 'validation');
    assert.match(e.userMessage, /not the ARN of a partner AI app/);
    e = await awsError(access.startMlflowTrackingServer('us-east-1', 'bad name'), 'validation');
    assert.match(e.userMessage, /TrackingServerName "bad name" is not valid/);
    assert.equal(fx.emu.callCount(), 0);
  });

  it('a tracking server that is not running gets the service\'s refusal for a URL', async () => {
    const e = await awsError(access.presignUrl('us-east-1', { operation: 'CreatePresignedMlflowTrackingServerUrl', trackingServerName: 'fraud-experiments' }));
    assert.equal(e.operation, 'CreatePresignedMlflowTrackingServerUrl');
  });

  it('starts a stopped tracking server and waits until Started; stops it and waits until Stopped', async () => {
    await access.startMlflowTrackingServer('us-east-1', 'fraud-experiments');
    const seen: string[] = [];
    const started = await access.waitForMlflowTrackingServer('us-east-1', 'fraud-experiments', 'Started', { pollMs: 50, onProgress: (s) => seen.push(s) });
    assert.equal(started.status, 'Started');
    assert.deepEqual(seen, ['Starting', 'Started']);
    await access.stopMlflowTrackingServer('us-east-1', 'fraud-experiments');
    const stopped = await access.waitForMlflowTrackingServer('us-east-1', 'fraud-experiments', 'Stopped', { pollMs: 50 });
    assert.equal(stopped.status, 'Stopped');
    assert.equal(fx.emu.callCount('StartMlflowTrackingServer'), 1);
    assert.equal(fx.emu.callCount('StopMlflowTrackingServer'), 1);
  });

  it('AccessDenied on ListPartnerApps is an access error for that list only', async () => {
    fx.emu.setFault({ operation: 'ListPartnerApps', kind: 'accessDenied' });
    const e = await awsError(access.listPartnerApps('us-east-1'));
    assert.equal(e.operation, 'ListPartnerApps');
    assert.match(e.userMessage, /ListPartnerApps|not authorized|permission/i);
    assert.equal((await access.listMlflowApps('us-east-1')).items.length, 4);
  });
});
