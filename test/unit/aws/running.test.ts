/** The AWS layer's scan of what runs, the price lookup and the idle shutdown that applies, against the local endpoint. */
import * as assert from 'node:assert/strict';
import { createSageMakerAccess, type SageMakerAccess } from '../../../src/aws/index';
import { pricingRegionFor } from '../../../src/aws/pricing';
import { emulatorFixture, type EmulatorFixture } from './fixture';

const EAST = 'd-7kx2hq9mzp4a';
const RESEARCH = 'd-3bq8wn5tfk1c';

describe('aws/running environments (local SageMaker endpoint)', function () {
  let fx: EmulatorFixture;
  let access: SageMakerAccess;
  before(async () => {
    fx = await emulatorFixture();
    access = fx.access({ maxAttempts: 1 });
  });
  after(async () => fx.close());
  beforeEach(() => {
    fx.emu.reset();
    fx.records.length = 0;
  });

  it("finds a region's running spaces, notebook instances and billed tracking servers with their types and start times, using the status filters", async () => {
    const scan = await access.scanRunning('us-east-1');
    const names = scan.items.map((i) => `${i.kind}:${i.name}`).sort();
    assert.deepEqual(names, [
      'mlflowTrackingServer:mlflow-platform',
      'mlflowTrackingServer:research-tracking',
      'notebook:fraud-detection-dev',
      'space:alice-jupyterlab',
      'space:paper-reproduction',
      'space:team-analytics',
    ]);
    const gpu = scan.items.find((i) => i.name === 'team-analytics');
    assert.equal(gpu?.instanceType, 'ml.g5.xlarge');
    assert.equal(gpu?.domainId, EAST);
    assert.equal(gpu?.sinceIsBound, false);
    assert.equal(gpu?.since?.toISOString(), '2026-11-22T09:15:00.000Z');
    const nb = scan.items.find((i) => i.kind === 'notebook');
    assert.equal(nb?.instanceType, 'ml.t3.medium');
    assert.equal(nb?.sinceIsBound, true, "a notebook instance's LastModifiedTime is only a bound");
    assert.deepEqual(scan.problems, []);
    // Bounded calls: one filtered list per state, one ListApps page per domain (3 domains).
    assert.deepEqual(scan.calls, { ListNotebookInstances: 1, ListMlflowTrackingServers: 3, ListDomains: 1, ListApps: 3 });
    assert.equal(fx.emu.callCount('ListNotebookInstances'), 1);
    assert.equal(fx.emu.callCount('DescribeSpace'), 0);
  });

  it('reads the apps of a domain a page at a time, and a list that fails leaves the others reported', async () => {
    fx.emu.setFault({ operation: 'ListMlflowTrackingServers', kind: 'accessDenied' });
    const scan = await access.scanRunning('us-east-1');
    assert.ok(scan.items.some((i) => i.name === 'team-analytics'));
    assert.ok(!scan.items.some((i) => i.kind === 'mlflowTrackingServer'));
    assert.equal(scan.problems.length, 3);
    assert.match(scan.problems[0], /ListMlflowTrackingServers \((Created|Updated|Started)\)/);
  });

  it('says when it was throttled, so the caller backs off', async () => {
    fx.emu.setFault({ operation: 'ListApps', kind: 'throttle', times: 1 });
    // Its own clients: the SDK's adaptive rate limiter slows a throttled client down for a while.
    const scan = await fx.access({ maxAttempts: 1 }).scanRunning('us-east-1');
    assert.equal(scan.throttled, true);
    assert.ok(scan.items.some((i) => i.kind === 'notebook'));
  });

  it('looks a price up once per type and region through the Price List endpoint region, and keeps it', async () => {
    const a = await access.instancePrice('eu-west-1', 'ml.g5.xlarge', 'space');
    assert.ok(a.usdPerHour !== undefined && a.usdPerHour > 1.4, JSON.stringify(a));
    const b = await access.instancePrice('eu-west-1', 'ml.g5.xlarge', 'space');
    assert.equal(b.usdPerHour, a.usdPerHour);
    assert.equal(fx.emu.callCount('GetProducts'), 1);
    const call = fx.records.find((r) => r.operation === 'GetProducts');
    assert.equal(call?.region, 'eu-central-1', 'Price List is asked in one of its three endpoint regions');
    assert.deepEqual(['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2', 'sa-east-1'].map(pricingRegionFor), ['us-east-1', 'us-east-1', 'eu-central-1', 'ap-south-1', 'us-east-1']);
  });

  it('reaches the Price List API the standard way: AWS_ENDPOINT_URL_PRICING when no custom endpoint is set', async () => {
    const saved = process.env.AWS_ENDPOINT_URL_PRICING;
    process.env.AWS_ENDPOINT_URL_PRICING = fx.emu.url;
    const plain = createSageMakerAccess({}, {}, { maxAttempts: 1 });
    try {
      const a = await plain.instancePrice('us-east-1', 'ml.g5.xlarge', 'space');
      assert.equal(a.usdPerHour, 1.41, JSON.stringify(a));
      assert.equal(fx.emu.callCount('GetProducts'), 1);
    } finally {
      plain.dispose();
      if (saved === undefined) {
        delete process.env.AWS_ENDPOINT_URL_PRICING;
      } else {
        process.env.AWS_ENDPOINT_URL_PRICING = saved;
      }
    }
  });

  it('without the permission: no price, a problem to log once, and no error', async () => {
    fx.emu.setFault({ operation: 'GetProducts', kind: 'accessDenied' });
    const a = await access.instancePrice('us-east-1', 'ml.t3.medium', 'notebook');
    assert.equal(a.usdPerHour, undefined);
    assert.match(a.problem ?? '', /ml\.t3\.medium in us-east-1: Access denied: .*call pricing:GetProducts\./);
    fx.emu.clearFaults();
    const none = await access.instancePrice('us-east-1', 'ml.nope.large', 'notebook');
    assert.match(none.problem ?? '', /no hourly on-demand product/);
  });

  it("the idle shutdown that applies: the space's own, else the domain's default, else none", async () => {
    assert.deepEqual(await access.spaceIdleShutdown('us-east-1', EAST, 'alice-jupyterlab'), { minutes: 60, source: 'space' });
    assert.deepEqual(await access.spaceIdleShutdown('us-east-1', EAST, 'team-analytics'), { minutes: 180, source: 'domain' });
    assert.deepEqual(await access.spaceIdleShutdown('us-east-1', RESEARCH, 'paper-reproduction'), { source: 'none' });
    assert.equal(fx.emu.callCount('DescribeDomain'), 2, 'the domain is described once and kept');
  });
});
