import * as assert from 'node:assert/strict';
import { AwsError, type SageMakerAccess } from '../../../src/aws/index';
import { emulatorFixture, type EmulatorFixture } from './fixture';

const EAST = 'd-7kx2hq9mzp4a';
const RESEARCH = 'd-3bq8wn5tfk1c';

describe('aws/listings (local SageMaker endpoint)', function () {
  let fx: EmulatorFixture;
  let access: SageMakerAccess;
  before(async () => {
    fx = await emulatorFixture();
    access = fx.access();
  });
  after(async () => fx.close());
  beforeEach(() => {
    fx.emu.resetCallCounts();
    fx.emu.clearFaults();
  });

  it('lists the domains of a region in one call', async () => {
    const page = await access.listDomains('us-east-1');
    assert.deepEqual(page.items.map((d) => d.domainName).sort(), ['ml-platform', 'research-lab', 'sandbox-pending']);
    assert.equal(page.nextToken, undefined);
    const ml = page.items.find((d) => d.domainId === EAST)!;
    assert.equal(ml.region, 'us-east-1');
    assert.equal(ml.status, 'InService');
    assert.ok(ml.creationTime instanceof Date);
    assert.equal(fx.emu.callCount('ListDomains'), 1);
  });

  it('the region chooses the data set', async () => {
    const page = await access.listDomains('eu-west-1');
    assert.deepEqual(page.items.map((d) => d.domainName).sort(), ['eu-analytics', 'identity-center-lab']);
  });

  it('pages through domains with nextToken', async () => {
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await access.listDomains('us-east-1', { maxResults: 1, nextToken });
      assert.ok(page.items.length <= 1);
      seen.push(...page.items.map((d) => d.domainId));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);
    assert.equal(seen.length, 3);
    assert.equal(new Set(seen).size, 3);
    assert.ok(pages >= 3);
    assert.equal(fx.emu.callCount('ListDomains'), pages);
  });

  it('filters domains by name (ListDomains has no server-side filter: applied to the page read)', async () => {
    const page = await access.listDomains('us-east-1', { nameContains: 'RESEARCH' });
    assert.deepEqual(page.items.map((d) => d.domainName), ['research-lab']);
  });

  it('lists user profiles of one domain, with the server-side name filter and paging', async () => {
    const all = await access.listUserProfiles('us-east-1', EAST);
    assert.deepEqual(all.items.map((p) => p.userProfileName).sort(), ['alice', 'bob', 'carol', 'dave-data-eng']);
    assert.ok(all.items.every((p) => p.domainId === EAST && p.region === 'us-east-1'));

    const filtered = await access.listUserProfiles('us-east-1', EAST, { nameContains: 'data' });
    assert.deepEqual(filtered.items.map((p) => p.userProfileName), ['dave-data-eng']);

    const first = await access.listUserProfiles('us-east-1', EAST, { maxResults: 3 });
    assert.equal(first.items.length, 3);
    assert.ok(first.nextToken);
    const second = await access.listUserProfiles('us-east-1', EAST, { maxResults: 3, nextToken: first.nextToken });
    assert.equal(second.items.length, 1);
    assert.equal(second.nextToken, undefined);
    assert.deepEqual([...first.items, ...second.items].map((p) => p.userProfileName).sort(), ['alice', 'bob', 'carol', 'dave-data-eng']);
  });

  it('lists notebook instances with status and instance type, filtered and paged', async () => {
    const all = await access.listNotebookInstances('us-east-1');
    assert.equal(all.items.length, 5);
    const churn = all.items.find((n) => n.notebookInstanceName === 'churn-model-training')!;
    assert.equal(churn.status, 'Stopped');
    assert.equal(churn.instanceType, 'ml.m5.xlarge');
    assert.ok(churn.notebookInstanceArn?.startsWith('arn:aws:sagemaker:us-east-1:'));

    const filtered = await access.listNotebookInstances('us-east-1', { nameContains: 'gpu' });
    assert.deepEqual(filtered.items.map((n) => n.notebookInstanceName), ['forecasting-gpu']);

    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await access.listNotebookInstances('us-east-1', { maxResults: 2, nextToken });
      names.push(...page.items.map((n) => n.notebookInstanceName));
      nextToken = page.nextToken;
    } while (nextToken);
    assert.deepEqual(names.sort(), all.items.map((n) => n.notebookInstanceName).sort());
  });

  it("a user profile's spaces: its private ones first, then the shared ones, with app status joined in", async () => {
    const page = await access.listSpacesFor('us-east-1', EAST, 'alice');
    assert.deepEqual(
      page.items.map((s) => [s.spaceName, s.sharingType, s.appState]),
      [
        ['alice-jupyterlab', 'Private', 'Running'],
        ['alice-code-editor', 'Private', 'Stopped'],
        ['team-analytics', 'Shared', 'Running'],
        ['shared-code-review', 'Shared', 'Stopped'],
      ],
    );
    const lab = page.items[0];
    assert.equal(lab.ownerUserProfileName, 'alice');
    assert.equal(lab.appType, 'JupyterLab');
    assert.equal(lab.spaceDisplayName, 'Alice JupyterLab');
    // With what it runs on and since when (ResourceSpec.InstanceType, CreationTime).
    assert.deepEqual(lab.app, { appName: 'default', appType: 'JupyterLab', status: 'InService', instanceType: 'ml.t3.medium', creationTime: new Date('2026-11-23T08:00:00Z') });
    // A deleted app is no app.
    assert.equal(page.items.find((s) => s.spaceName === 'alice-code-editor')!.app, undefined);
    // One ListSpaces page and one ListApps call for the domain.
    assert.equal(fx.emu.callCount('ListSpaces'), 1);
    assert.equal(fx.emu.callCount('ListApps'), 1);
  });

  it("never shows another profile's private space; maps Pending and Failed apps", async () => {
    const bob = await access.listSpacesFor('us-east-1', EAST, 'bob');
    assert.deepEqual(bob.items.map((s) => s.spaceName).sort(), ['bob-jupyterlab', 'shared-code-review', 'team-analytics']);
    assert.equal(bob.items.find((s) => s.spaceName === 'bob-jupyterlab')!.appState, 'Starting');
    const erin = await access.listSpacesFor('us-east-1', RESEARCH, 'erin');
    assert.deepEqual(erin.items.map((s) => [s.spaceName, s.appState]), [['erin-notebooks', 'Failed'], ['paper-reproduction', 'Running']]);
    const frank = await access.listSpacesFor('us-east-1', RESEARCH, 'frank');
    assert.deepEqual(frank.items.map((s) => s.spaceName), ['paper-reproduction']);
  });

  it('pages spaces with ListSpaces paging; filters by name on the server', async () => {
    const access = fx.access(); // fresh: no app states remembered from other tests
    const names: string[] = [];
    let nextToken: string | undefined;
    let calls = 0;
    do {
      const page = await access.listSpacesFor('us-east-1', EAST, 'alice', { maxResults: 2, nextToken });
      names.push(...page.items.map((s) => s.spaceName));
      nextToken = page.nextToken;
      calls++;
    } while (nextToken && calls < 10);
    assert.deepEqual(names.sort(), ['alice-code-editor', 'alice-jupyterlab', 'shared-code-review', 'team-analytics']);
    assert.equal(calls, 3);
    // Page 1 reads the domain's apps alongside ListSpaces (one page holds them all, so the read is
    // complete); pages 2 and 3 reuse that read.
    assert.equal(fx.emu.callCount('ListApps'), 1);

    // A first page (a refresh) reads app states afresh.
    fx.emu.resetCallCounts();
    await access.listSpacesFor('us-east-1', EAST, 'alice');
    assert.equal(fx.emu.callCount('ListApps'), 1);

    fx.emu.resetCallCounts();
    const filtered = await access.listSpacesFor('us-east-1', EAST, 'alice', { nameContains: 'code' });
    assert.deepEqual(filtered.items.map((s) => s.spaceName), ['alice-code-editor', 'shared-code-review']);
    assert.equal(fx.emu.callCount('ListSpaces'), 1);
  });

  it('describes one space and one notebook instance', async () => {
    const space = await access.describeSpace('us-east-1', EAST, 'team-analytics');
    assert.equal(space.sharingType, 'Shared');
    assert.equal(space.appState, 'Running');
    assert.equal(space.appType, 'JupyterLab');
    const nb = await access.describeNotebookInstance('eu-west-1', 'gdpr-audit-notebook');
    assert.equal(nb.status, 'InService');
    assert.equal(nb.region, 'eu-west-1');
  });

  it('an unknown resource is a not-found AwsError', async () => {
    await assert.rejects(access.describeSpace('us-east-1', EAST, 'no-such-space'), (e: unknown) => {
      assert.ok(e instanceof AwsError);
      assert.equal(e.kind, 'not-found');
      assert.equal(e.operation, 'DescribeSpace');
      return true;
    });
    await assert.rejects(access.describeNotebookInstance('us-east-1', 'no-such-notebook'), (e: unknown) => e instanceof AwsError && e.kind === 'not-found');
  });

  it('bad ids are refused before any call', async () => {
    fx.emu.resetCallCounts();
    await assert.rejects(access.listUserProfiles('us-east-1', 'not-a-domain'), (e: unknown) => e instanceof AwsError && e.kind === 'validation' && /DomainId "not-a-domain"/.test(e.userMessage));
    await assert.rejects(access.listSpacesFor('us-east-1', EAST, 'bad name'), (e: unknown) => e instanceof AwsError && e.kind === 'validation');
    await assert.rejects(access.listDomains('us-east-1', { maxResults: 0 }), (e: unknown) => e instanceof AwsError && e.userMessage === 'maxResults must be a whole number from 1 to 100; got 0.');
    assert.equal(fx.emu.callCount(), 0);
  });

  it('reuses one client per region: the API call records name each operation and region once', async () => {
    fx.records.length = 0;
    await access.listDomains('us-east-1');
    await access.listDomains('eu-west-1');
    assert.deepEqual(
      fx.records.map((r) => [r.operation, r.region, r.outcome]),
      [['ListDomains', 'us-east-1', 'ok'], ['ListDomains', 'eu-west-1', 'ok']],
    );
    assert.ok(fx.records.every((r) => typeof r.durationMs === 'number' && r.durationMs >= 0));
  });

  it('a log hook that throws does not fail the call', async () => {
    const a = fx.access({}, { onApiCall: () => { throw new Error('log channel closed'); } });
    assert.equal((await a.listDomains('us-east-1')).items.length, 3);
  });
});
