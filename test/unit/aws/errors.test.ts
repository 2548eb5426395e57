import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as net from 'node:net';
import { createSageMakerAccess, errorLogText, type ApiCallRecord } from '../../../src/aws/index';
import { emulatorFixture, type EmulatorFixture } from './fixture';
import { useAwsFiles, awsError } from './helpers';
import { closedPort } from '../../harness/ports';

describe('aws/errors from injected faults (local SageMaker endpoint)', function () {
  let fx: EmulatorFixture;
  before(async () => {
    fx = await emulatorFixture();
  });
  after(async () => fx.close());
  beforeEach(() => {
    fx.emu.reset();
    fx.records.length = 0;
  });

  it('throttling is retried, then succeeds; one API call record', async () => {
    fx.emu.setFault({ operation: 'ListDomains', kind: 'throttle', times: 2 });
    const page = await fx.access().listDomains('us-east-1');
    assert.equal(page.items.length, 3);
    assert.equal(fx.emu.callCount('ListDomains'), 3);
    assert.deepEqual(fx.records.map((r) => [r.operation, r.outcome]), [['ListDomains', 'ok']]);
  });

  it('throttling past the retries: throttled, with a retry action', async () => {
    fx.emu.setFault({ operation: 'ListSpaces', kind: 'throttle' });
    const e = await awsError(fx.access().listSpacesFor('us-east-1', 'd-7kx2hq9mzp4a', 'alice'), 'throttled');
    assert.equal(fx.emu.callCount('ListSpaces'), 3);
    assert.equal(e.action?.kind, 'retry');
    assert.equal(e.operation, 'ListSpaces');
    // One record for the logical call and its retries (ListApps runs alongside it and succeeds).
    const spaceRecords = fx.records.filter((r) => r.operation === 'ListSpaces');
    assert.deepEqual(spaceRecords.map((r): Partial<ApiCallRecord> => ({ operation: r.operation, outcome: r.outcome, errorName: r.errorName })), [
      { operation: 'ListSpaces', outcome: 'error', errorName: 'ThrottlingException' },
    ]);
  });

  it('a slow answer past the request timeout: timeout', async () => {
    fx.emu.setFault({ operation: 'ListNotebookInstances', kind: 'latency', latencyMs: 10_000 });
    const started = Date.now();
    const e = await awsError(fx.access({ requestTimeoutMs: 300, maxAttempts: 1 }).listNotebookInstances('us-east-1'), 'timeout');
    assert.ok(Date.now() - started < 8000, 'gave up at the request timeout (300 ms), not when the service answered (10 s)');
    assert.equal(e.userMessage, 'SageMaker did not answer in time in us-east-1. Check your network and retry.');
  });

  it('a dropped connection: network', async () => {
    fx.emu.setFault({ operation: 'ListDomains', kind: 'drop' });
    const e = await awsError(fx.access().listDomains('us-east-1'), 'network');
    assert.equal(fx.emu.callCount('ListDomains'), 3, 'retried as a transient error');
    assert.match(e.userMessage, /^Could not reach SageMaker in us-east-1 \(.+\)\. Check your network, proxy and endpoint URL\.$/);
  });

  it('a connection refused: network', async () => {
    const port = await closedPort();
    const a = createSageMakerAccess({ endpointUrl: `http://127.0.0.1:${port}` }, {}, { maxAttempts: 1 });
    const e = await awsError(a.listDomains('us-east-1'), 'network');
    assert.match(e.userMessage, /ECONNREFUSED/);
    a.dispose();
  });

  it('5xx answers are retried; past the retries they are a service error', async () => {
    fx.emu.setFault({ operation: 'ListDomains', kind: 'http5xx', times: 1 });
    assert.equal((await fx.access().listDomains('us-east-1')).items.length, 3);
    fx.emu.resetCallCounts();
    fx.emu.setFault({ operation: 'ListDomains', kind: 'http5xx', status: 503 });
    const e = await awsError(fx.access().listDomains('us-east-1'), 'service');
    assert.equal(e.userMessage, 'SageMaker in us-east-1 answered with a server error (HTTP 503 ServiceUnavailable). Retry in a moment.');
    assert.equal(fx.emu.callCount('ListDomains'), 3);
  });

  it('an unreadable answer: service error', async () => {
    fx.emu.setFault({ operation: 'ListDomains', kind: 'malformed' });
    const e = await awsError(fx.access({ maxAttempts: 1 }).listDomains('us-east-1'), 'service');
    assert.equal(e.userMessage, 'SageMaker sent an answer that could not be read. Retry in a moment.');
  });

  it('an HTTP 500 page that is not JSON (a proxy, a load balancer): a server error with its status, and Retry', async () => {
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end('<html><body>500 Internal Server Error</body></html>');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const files = useAwsFiles('', '', { AWS_ACCESS_KEY_ID: fx.emu.accessKeyId, AWS_SECRET_ACCESS_KEY: fx.emu.secretAccessKey });
    const access = createSageMakerAccess({ endpointUrl: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}` }, {}, { maxAttempts: 1 });
    try {
      const e = await awsError(access.listDomains('us-east-1'), 'service');
      assert.equal(e.userMessage, 'SageMaker in us-east-1 answered with a server error (HTTP 500). Retry in a moment.');
      assert.equal(e.action?.kind, 'retry');
    } finally {
      access.dispose();
      files.restore();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('a region the account has not enabled: region-rejected, naming the region and the likely causes', async () => {
    fx.emu.setFault({ operation: '*', kind: 'regionDisabled', region: 'ap-east-1' });
    const e = await awsError(fx.access().listDomains('ap-east-1'), 'region-rejected');
    assert.equal(
      e.userMessage,
      'SageMaker in ap-east-1 did not accept the credentials from the keys in AWS_ACCESS_KEY_ID (UnrecognizedClientException). The region may not be enabled for your AWS account (opt-in regions such as af-south-1 must be enabled first), or the endpoint is for another region; otherwise the keys are wrong.',
    );
    assert.equal(e.action?.kind, 'select-regions');
    assert.equal(e.region, 'ap-east-1');
    // The data set's own disabled region answers the same way, with no fault set.
    await awsError(fx.access().listNotebookInstances('af-south-1'), 'region-rejected');
    assert.equal((await fx.access().listDomains('us-east-1')).items.length, 3, 'other regions still list');
  });

  it('an expected AWS failure is logged in one line (operation, region, code, request id); a bug of ours with its stack', async () => {
    fx.emu.setFault({ operation: 'ListSpaces', kind: 'throttle' });
    const e = await awsError(fx.access({ maxAttempts: 1 }).listSpacesFor('us-east-1', 'd-7kx2hq9mzp4a', 'alice'), 'throttled');
    const line = errorLogText(e);
    assert.ok(!line.includes('\n'), `one line, got:\n${line}`);
    assert.match(line, /^ListSpaces us-east-1 ThrottlingException HTTP 400 request id [0-9a-f-]{36} \[throttled\]: SageMaker is throttling/);
    const bug = errorLogText(new TypeError("Cannot read properties of undefined (reading 'x')"));
    assert.match(bug, /^TypeError: Cannot read properties of undefined[^\n]*\n\s+at /, 'a stack for a bug');
  });

  it('access denied names the IAM action', async () => {
    fx.emu.setFault({ operation: 'CreatePresignedDomainUrl', kind: 'error', errorType: 'AccessDeniedException', message: 'User: arn:aws:iam::123456789012:user/x is not authorized' });
    const e = await awsError(fx.access().presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', domainId: 'd-7kx2hq9mzp4a', userProfileName: 'alice' }), 'access-denied');
    assert.equal(
      e.userMessage,
      'Access denied: your AWS identity is not allowed to call sagemaker:CreatePresignedDomainUrl. Ask your administrator to allow sagemaker:CreatePresignedDomainUrl.',
    );
  });

  it('an expired token (injected): invalid credentials, select another profile', async () => {
    fx.emu.setFault({ operation: 'ListDomains', kind: 'error', errorType: 'ExpiredTokenException', message: 'The security token included in the request is expired' });
    const e = await awsError(fx.access().listDomains('us-east-1'), 'invalid-credentials');
    assert.equal(e.userMessage, 'The AWS credentials from the keys in AWS_ACCESS_KEY_ID have expired (ExpiredTokenException). Refresh them or choose another profile.');
    assert.equal(e.action?.kind, 'select-profile');
  });

  describe('keys the endpoint checks', () => {
    let restore: (() => void) | undefined;
    afterEach(() => restore?.());

    function withEnvKeys(accessKeyId: string, secretAccessKey: string, sessionToken?: string): void {
      const files = useAwsFiles('', '', { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, ...(sessionToken ? { AWS_SESSION_TOKEN: sessionToken } : {}) });
      restore = () => files.restore();
    }

    it('a wrong secret (bad signature): rejected in that region (AWS answers a disabled region alike)', async () => {
      withEnvKeys(fx.emu.accessKeyId, 'not-the-right-secret');
      const e = await awsError(fx.access().listDomains('us-east-1'), 'region-rejected');
      assert.match(e.userMessage, /^SageMaker in us-east-1 did not accept the credentials from the keys in AWS_ACCESS_KEY_ID \((InvalidSignatureException|SignatureDoesNotMatch)\)\./);
      assert.equal(fx.emu.callCount('ListDomains'), 1, 'not retried');
    });

    it('an unknown access key: rejected in that region', async () => {
      withEnvKeys('AKIAUNKNOWNKEY000000', 'whatever');
      const e = await awsError(fx.access().listDomains('us-east-1'), 'region-rejected');
      assert.match(e.userMessage, /\((UnrecognizedClientException|InvalidClientTokenId)\)/);
    });

    it('an expired session key: invalid credentials', async () => {
      fx.emu.addCredentials({ accessKeyId: 'ASIAEXPIREDSESSION01', secretAccessKey: 'expired-secret', sessionToken: 'session-token-1', expiresAt: new Date(Date.now() - 60_000) });
      withEnvKeys('ASIAEXPIREDSESSION01', 'expired-secret', 'session-token-1');
      const e = await awsError(fx.access().listDomains('us-east-1'), 'invalid-credentials');
      assert.match(e.userMessage, /have expired/);
    });
  });
});
