import * as assert from 'node:assert/strict';
import type { SageMakerAccess } from '../../../src/aws/index';
import { emulatorFixture, type EmulatorFixture } from './fixture';
import { awsError } from './helpers';

const EAST = 'd-7kx2hq9mzp4a';


describe('aws/start, stop and wait (local SageMaker endpoint)', function () {
  let fx: EmulatorFixture;
  let access: SageMakerAccess;
  before(async () => {
    fx = await emulatorFixture({ transitionDelayMs: 300 });
    access = fx.access();
  });
  after(async () => fx.close());
  beforeEach(() => fx.emu.reset());

  it('starts a stopped notebook instance and waits until InService, reporting progress', async () => {
    await access.startNotebookInstance('us-east-1', 'churn-model-training');
    const seen: string[] = [];
    const nb = await access.waitForNotebookInstance('us-east-1', 'churn-model-training', 'InService', { pollMs: 50, onProgress: (s) => seen.push(s) });
    assert.equal(nb.status, 'InService');
    assert.deepEqual(seen, ['Pending', 'InService']);
    assert.equal(fx.emu.callCount('StartNotebookInstance'), 1);
    assert.ok(fx.emu.callCount('DescribeNotebookInstance') >= 2);
  });

  it('stops a running notebook instance and waits until Stopped', async () => {
    await access.stopNotebookInstance('us-east-1', 'fraud-detection-dev');
    const seen: string[] = [];
    const nb = await access.waitForNotebookInstance('us-east-1', 'fraud-detection-dev', 'Stopped', { pollMs: 50, onProgress: (s) => seen.push(s) });
    assert.equal(nb.status, 'Stopped');
    assert.deepEqual(seen, ['Stopping', 'Stopped']);
  });

  it("starting an instance that is not stopped is the service's validation error", async () => {
    const e = await awsError(access.startNotebookInstance('us-east-1', 'fraud-detection-dev'));
    assert.equal(e.kind, 'validation');
    assert.equal(e.operation, 'StartNotebookInstance');
    assert.match(e.userMessage, /Status \(InService\)/);
  });

  it("starts a stopped space's app (CreateApp with the space's app type) and waits until Running", async () => {
    const [space] = (await access.listSpacesFor('us-east-1', EAST, 'alice', { nameContains: 'alice-code-editor' })).items;
    assert.equal(space?.appState, 'Stopped');
    await access.startSpace('us-east-1', space);
    const seen: string[] = [];
    const running = await access.waitForSpace('us-east-1', EAST, 'alice-code-editor', 'Running', { pollMs: 50, onProgress: (s) => seen.push(s) });
    assert.deepEqual(seen, ['Starting', 'Running']);
    assert.deepEqual({ ...running.app, creationTime: undefined }, { appName: 'default', appType: 'CodeEditor', status: 'InService', instanceType: 'ml.t3.medium', creationTime: undefined });
    assert.ok(running.app?.creationTime instanceof Date, 'the app says when it started');
    assert.equal(fx.emu.callCount('CreateApp'), 1);
  });

  it("stops a running space's app (DeleteApp) and waits until Stopped; stopping a stopped space does nothing", async () => {
    const space = await access.describeSpace('us-east-1', EAST, 'team-analytics');
    assert.equal(space.appState, 'Running');
    await access.stopSpace('us-east-1', space);
    const seen: string[] = [];
    const stopped = await access.waitForSpace('us-east-1', EAST, 'team-analytics', 'Stopped', { pollMs: 50, onProgress: (s) => seen.push(s) });
    assert.deepEqual(seen, ['Stopping', 'Stopped']);
    assert.equal(stopped.app, undefined);
    assert.equal(fx.emu.callCount('DeleteApp'), 1);

    await access.stopSpace('us-east-1', stopped);
    assert.equal(fx.emu.callCount('DeleteApp'), 1);
  });

  it('waiting gives up after timeoutMs with a timeout error', async () => {
    await access.startNotebookInstance('us-east-1', 'nlp-experiments');
    const started = Date.now();
    const e = await awsError(access.waitForNotebookInstance('us-east-1', 'nlp-experiments', 'Stopped', { pollMs: 30, timeoutMs: 150 }));
    assert.equal(e.kind, 'timeout');
    assert.match(e.userMessage, /Notebook instance "nlp-experiments" did not reach the state asked for within 150 ms \(last status: (Pending|InService)\)/);
    // Without the timeout it would wait on (the instance never stops by itself): a wide margin for a busy machine.
    assert.ok(Date.now() - started < 5000);
  });

  it('waiting stops at once when cancelled', async () => {
    await access.startNotebookInstance('us-east-1', 'churn-model-training');
    const ac = new AbortController();
    const seen: string[] = [];
    // Cancel as soon as the first state is seen (a timer would race the first poll on a busy machine).
    const onProgress = (status: string): void => {
      seen.push(status);
      ac.abort();
    };
    const waiting = access.waitForNotebookInstance('us-east-1', 'churn-model-training', 'Stopped', { pollMs: 20, signal: ac.signal, onProgress });
    const e = await awsError(waiting);
    assert.equal(e.kind, 'cancelled');
    assert.deepEqual(seen, ['Pending'], 'no poll after the cancellation');
  });

  it('a waiting failure (Failed state) is reported, not waited out', async () => {
    const e = await awsError(access.waitForSpace('us-east-1', 'd-3bq8wn5tfk1c', 'erin-notebooks', 'Running', { pollMs: 20, timeoutMs: 5000 }));
    assert.equal(e.kind, 'service');
    assert.equal(e.userMessage, 'Space "erin-notebooks" is Failed, so it cannot reach the state asked for.');
  });

  it('cancels an in-flight listing', async () => {
    fx.emu.setFault({ operation: 'ListDomains', kind: 'latency', latencyMs: 10_000 });
    const ac = new AbortController();
    const started = Date.now();
    const listing = access.listDomains('us-east-1', { signal: ac.signal });
    setTimeout(() => ac.abort(), 100);
    const e = await awsError(listing);
    assert.equal(e.kind, 'cancelled');
    assert.equal(e.operation, 'ListDomains');
    assert.ok(Date.now() - started < 8000, 'the call ended when cancelled, not when the service answered (10 s)');
  });
});
