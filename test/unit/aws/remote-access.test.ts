import * as assert from 'node:assert/strict';
import { DescribeAppCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { spaceAppArn, type SageMakerAccess } from '../../../src/aws/index';
import { emulatorFixture, type EmulatorFixture } from './fixture';
import { awsError } from './helpers';

const EAST = 'd-7kx2hq9mzp4a';
const SSO = 'd-4hn6xw8qrt2v';

describe('aws/remote access: DescribeSpace, UpdateSpace, StartSession (local SageMaker endpoint)', function () {
  let fx: EmulatorFixture;
  let access: SageMakerAccess;
  before(async () => {
    fx = await emulatorFixture({ transitionDelayMs: 50 });
    access = fx.access();
  });
  after(async () => fx.close());
  beforeEach(() => fx.emu.reset());

  it("reads a space's remote access, turns it on once its app is stopped, and starts a session for the app's ARN", async () => {
    const before = await access.describeSpaceRemoteAccess('us-east-1', EAST, 'alice-jupyterlab');
    assert.deepEqual(before, { spaceArn: `arn:aws:sagemaker:us-east-1:123456789012:space/${EAST}/alice-jupyterlab`, appType: 'JupyterLab', remoteAccess: 'DISABLED', defaultInstanceType: undefined, defaultResourceSpec: undefined, appInstanceType: 'ml.t3.medium' });
    const space = await access.describeSpace('us-east-1', EAST, 'alice-jupyterlab');
    await access.stopSpace('us-east-1', space);
    await access.waitForSpace('us-east-1', EAST, 'alice-jupyterlab', 'Stopped', { pollMs: 30 });
    await access.updateSpaceForRemote('us-east-1', EAST, 'alice-jupyterlab', { remoteAccess: 'ENABLED' });
    assert.equal((await access.describeSpaceRemoteAccess('us-east-1', EAST, 'alice-jupyterlab')).remoteAccess, 'ENABLED');
    await access.startSpace('us-east-1', space);
    await access.waitForSpace('us-east-1', EAST, 'alice-jupyterlab', 'Running', { pollMs: 30 });
    const arn = spaceAppArn(before.spaceArn, 'JupyterLab');
    assert.equal(arn, `arn:aws:sagemaker:us-east-1:123456789012:app/${EAST}/alice-jupyterlab/jupyterlab/default`);
    const session = await access.startSession('us-east-1', arn);
    assert.ok(session.sessionId && session.streamUrl.startsWith('wss://') && session.tokenValue);
    assert.deepEqual(fx.emu.remoteSessions().map((s) => s.spaceName), ['alice-jupyterlab']);
    assert.ok(fx.records.every((r) => !JSON.stringify(r).includes(session.tokenValue)), 'the call records never hold the token');
  });

  it('UpdateSpace while the app runs is ResourceInUse, named as the UpdateSpace step; a bad status changes nothing and calls nothing', async () => {
    const e = await awsError(access.updateSpaceForRemote('us-east-1', EAST, 'alice-jupyterlab', { remoteAccess: 'ENABLED' }));
    assert.equal(e.operation, 'UpdateSpace');
    assert.match(e.userMessage, /stop it before changing RemoteAccess/);
    const calls = fx.emu.callCount();
    const bad = await awsError(access.updateSpaceForRemote('us-east-1', EAST, 'alice-jupyterlab', { remoteAccess: 'on' as 'ENABLED' }));
    assert.equal(bad.kind, 'validation');
    assert.equal(fx.emu.callCount(), calls);
  });

  it('StartSession refused for an SSO domain is an error of the StartSession step that says why (AuthMode SSO)', async () => {
    const e = await awsError(access.startSession('eu-west-1', `arn:aws:sagemaker:eu-west-1:123456789012:app/${SSO}/kenji-lab/jupyterlab/default`));
    assert.equal(e.operation, 'StartSession');
    assert.equal(e.kind, 'validation');
    assert.match(e.userMessage, /AuthMode SSO/);
  });

  it('startSpace with an instance type starts the app on it (a restart keeps the type); without one, the default', async () => {
    const space = await access.describeSpace('us-east-1', EAST, 'alice-code-editor');
    await access.startSpace('us-east-1', space, 'ml.m5.large');
    await access.waitForSpace('us-east-1', EAST, 'alice-code-editor', 'Running', { pollMs: 30 });
    assert.equal((await access.describeSpaceRemoteAccess('us-east-1', EAST, 'alice-code-editor')).appInstanceType, 'ml.m5.large');
    await access.stopSpace('us-east-1', await access.describeSpace('us-east-1', EAST, 'alice-code-editor'));
    await access.waitForSpace('us-east-1', EAST, 'alice-code-editor', 'Stopped', { pollMs: 30 });
    await access.startSpace('us-east-1', space);
    assert.equal((await access.describeSpaceRemoteAccess('us-east-1', EAST, 'alice-code-editor')).appInstanceType, 'ml.t3.medium');
  });

  it("UpdateSpace sets the app settings' instance type (the rest of the spec kept): DescribeSpace says it, the next app starts on it, ListApps and DescribeApp say so", async () => {
    const space = await access.describeSpace('us-east-1', EAST, 'alice-code-editor');
    const image = 'arn:aws:sagemaker:us-east-1:123456789012:image/sagemaker-distribution-cpu';
    await access.updateSpaceForRemote('us-east-1', EAST, 'alice-code-editor', { instanceType: { appType: 'CodeEditor', instanceType: 'ml.t3.medium', keep: { SageMakerImageArn: image } } });
    const before = await access.describeSpaceRemoteAccess('us-east-1', EAST, 'alice-code-editor');
    await access.updateSpaceForRemote('us-east-1', EAST, 'alice-code-editor', { remoteAccess: 'ENABLED', instanceType: { appType: 'CodeEditor', instanceType: 'ml.m5.xlarge', keep: before.defaultResourceSpec } });
    const after = await access.describeSpaceRemoteAccess('us-east-1', EAST, 'alice-code-editor');
    assert.deepEqual([after.remoteAccess, after.defaultInstanceType, after.defaultResourceSpec], ['ENABLED', 'ml.m5.xlarge', { SageMakerImageArn: image, InstanceType: 'ml.m5.xlarge' }]);
    await access.startSpace('us-east-1', space);
    await access.waitForSpace('us-east-1', EAST, 'alice-code-editor', 'Running', { pollMs: 30 });
    assert.equal((await access.describeSpaceRemoteAccess('us-east-1', EAST, 'alice-code-editor')).appInstanceType, 'ml.m5.xlarge', 'ListApps');
    const client = new SageMakerClient({ region: 'us-east-1', endpoint: fx.emu.url, credentials: { accessKeyId: fx.emu.accessKeyId, secretAccessKey: fx.emu.secretAccessKey } });
    const app = await client.send(new DescribeAppCommand({ DomainId: EAST, SpaceName: 'alice-code-editor', AppType: 'CodeEditor', AppName: 'default' }));
    client.destroy();
    assert.equal(app.ResourceSpec?.InstanceType, 'ml.m5.xlarge', 'DescribeApp');
  });

  it('UpdateSpace refuses an instance type SageMaker does not have, and app settings of another app type, changing nothing', async () => {
    const unknownType = await awsError(access.updateSpaceForRemote('us-east-1', EAST, 'alice-code-editor', { instanceType: { appType: 'CodeEditor', instanceType: 'ml.t3.huge' } }));
    assert.equal(unknownType.kind, 'validation');
    assert.match(unknownType.userMessage, /instanceType/);
    const wrongApp = await awsError(access.updateSpaceForRemote('us-east-1', EAST, 'alice-code-editor', { instanceType: { appType: 'JupyterLab', instanceType: 'ml.m5.large' } }));
    assert.match(wrongApp.userMessage, /JupyterLabAppSettings cannot be set for space alice-code-editor, a CodeEditor space/);
    const notRemote = await awsError(access.updateSpaceForRemote('us-east-1', EAST, 'carol-rstudio', { instanceType: { appType: 'RStudioServerPro', instanceType: 'ml.m5.large' } }));
    assert.match(notRemote.userMessage, /only JupyterLab and Code Editor spaces/);
    assert.equal((await access.describeSpaceRemoteAccess('us-east-1', EAST, 'alice-code-editor')).defaultInstanceType, undefined);
  });

  it('spaceAppArn refuses what is not a space ARN', () => {
    assert.throws(() => spaceAppArn('arn:aws:sagemaker:us-east-1:123456789012:domain/d-1', 'JupyterLab'), /not the ARN of a SageMaker space/);
  });
});
