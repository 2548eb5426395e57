import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AwsError, PRESIGN_LIMITS, hasOwnLimits, isSingleUseUrl, landsOnSetting, takes, type UrlOperation, type UrlRequest } from '../../../src/aws/index';
import { repoRoot } from '../../harness/paths';
import { emulatorFixture, type EmulatorFixture } from './fixture';

const model = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'reference', 'sagemaker-api-model.json'), 'utf8')) as {
  operations: Record<string, { input?: { shape: string } }>;
  shapes: Record<string, { members?: Record<string, { documentation?: string }> }>;
};

const OPERATIONS: readonly UrlOperation[] = [
  'CreatePresignedDomainUrl',
  'CreatePresignedNotebookInstanceUrl',
  'CreatePresignedMlflowTrackingServerUrl',
  'CreatePresignedMlflowAppUrl',
  'CreatePartnerAppPresignedUrl',
];

describe('aws/urlCalls: a presigned URL by its operation', () => {
  let fx: EmulatorFixture;
  before(async () => {
    fx = await emulatorFixture();
  });
  after(async () => fx.close());

  it('a URL works once exactly where the API model says so (its ExpiresInSeconds: "can be used only once")', () => {
    for (const op of OPERATIONS) {
      const input = model.shapes[model.operations[op]?.input?.shape ?? ''];
      assert.ok(input, `${op} is an operation of the model`);
      const saysOnce = /can be used only once/i.test(input.members?.ExpiresInSeconds?.documentation ?? '');
      assert.equal(isSingleUseUrl(op), saysOnce, op);
    }
    assert.deepEqual(OPERATIONS.filter(isSingleUseUrl), ['CreatePresignedMlflowTrackingServerUrl', 'CreatePresignedMlflowAppUrl']);
  });

  it('"Open with Options…" asks a landing page and a URL lifetime only of operations whose input has them; the Jupyter view only of a notebook instance\'s', () => {
    for (const op of OPERATIONS) {
      const members = Object.keys(model.shapes[model.operations[op]?.input?.shape ?? '']?.members ?? {});
      assert.equal(takes(op, 'landingUri'), members.includes('LandingUri'), `${op}: LandingUri`);
      assert.equal(takes(op, 'expiresInSeconds'), members.includes('ExpiresInSeconds'), `${op}: ExpiresInSeconds`);
      assert.equal(takes(op, 'ui'), op === 'CreatePresignedNotebookInstanceUrl', `${op}: the Jupyter view`);
    }
  });

  it('the operations with lifetime limits of their own are those of PRESIGN_LIMITS; Studio lands on the setting, a space and the others do not', () => {
    assert.deepEqual(OPERATIONS.filter(hasOwnLimits), Object.keys(PRESIGN_LIMITS));
    assert.equal(landsOnSetting({ operation: 'CreatePresignedDomainUrl', domainId: 'd-abc', userProfileName: 'alice' }), true);
    assert.equal(landsOnSetting({ operation: 'CreatePresignedDomainUrl', domainId: 'd-abc', userProfileName: 'alice', spaceName: 'x' }), false);
    assert.equal(landsOnSetting({ operation: 'CreatePresignedNotebookInstanceUrl', notebookInstanceName: 'nb' }), false);
  });

  it('an operation that makes no presigned URL is refused before any call', async () => {
    fx.emu.reset();
    const bogus = { operation: 'CreatePresignedSomethingElse', arn: 'x' } as unknown as UrlRequest;
    await assert.rejects(fx.access().presignUrl('us-east-1', bogus), (e: unknown) => e instanceof AwsError && e.kind === 'validation' && /CreatePresignedSomethingElse/.test(e.userMessage));
    assert.equal(fx.emu.callCount(), 0);
  });

  it("a notebook instance's URL opens JupyterLab unless the classic view is asked for", async () => {
    const access = fx.access();
    const call = { operation: 'CreatePresignedNotebookInstanceUrl', notebookInstanceName: 'fraud-detection-dev' } as const;
    assert.match((await access.presignUrl('us-east-1', call)).url, /view=lab/);
    assert.doesNotMatch((await access.presignUrl('us-east-1', { ...call, ui: 'Jupyter' })).url, /view=lab/);
  });
});
