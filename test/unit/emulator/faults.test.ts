/** Faults on demand, per operation, deterministic: in-process and over the admin path. */
import * as assert from 'node:assert/strict';
import * as sm from '@aws-sdk/client-sagemaker';
import { client, rejectsWith, useEmulator } from './helpers';

describe('emulator faults', () => {
  const { emu } = useEmulator();
  afterEach(() => emu().reset());
  const list = () => new sm.ListSpacesCommand({});

  it('latency delays the call and then answers normally', async () => {
    emu().setFault({ operation: 'ListSpaces', kind: 'latency', latencyMs: 300, times: 1 });
    const started = Date.now();
    const out = await client(emu()).send(list());
    assert.ok(Date.now() - started >= 290, 'the call waited for the injected latency');
    assert.ok(out.Spaces?.length);
  });

  it('throttle is ThrottlingException (400); the SDK retries it when allowed', async () => {
    emu().setFault({ operation: 'ListSpaces', kind: 'throttle', times: 1 });
    const err = await rejectsWith(client(emu()).send(list()), 'ThrottlingException', 'Rate exceeded');
    assert.equal(err.$metadata.httpStatusCode, 400);
    emu().setFault({ operation: 'ListSpaces', kind: 'throttle', times: 1 });
    emu().resetCallCounts();
    const retried = await client(emu(), { maxAttempts: 3 }).send(list());
    assert.ok(retried.Spaces?.length);
    assert.equal(emu().callCount('ListSpaces'), 2, 'one throttled call, one retry');
  });

  it('http5xx is InternalFailure 500, or ServiceUnavailable 503', async () => {
    emu().setFault({ operation: 'ListSpaces', kind: 'http5xx', times: 1 });
    const e500 = await rejectsWith(client(emu()).send(list()), 'InternalFailure');
    assert.equal(e500.$metadata.httpStatusCode, 500);
    emu().setFault({ operation: 'ListSpaces', kind: 'http5xx', status: 503, times: 1 });
    const e503 = await rejectsWith(client(emu()).send(list()), 'ServiceUnavailable');
    assert.equal(e503.$metadata.httpStatusCode, 503);
  });

  it('drop destroys the connection: the SDK sees a network error, not a service error', async () => {
    emu().setFault({ operation: 'ListSpaces', kind: 'drop', times: 1 });
    try {
      await client(emu()).send(list());
      assert.fail('the call succeeded');
    } catch (e) {
      assert.ok(e instanceof Error);
      assert.equal(e instanceof sm.SageMakerServiceException, false, `${e.name}: ${e.message}`);
      assert.match(`${e.name} ${e.message} ${(e as { code?: string }).code ?? ''}`, /ECONNRESET|socket hang up|closed|terminated/i);
    }
    assert.ok((await client(emu()).send(list())).Spaces, 'the next call works');
  });

  it('malformed answers 200 with a body that is not JSON: the SDK fails to parse it', async () => {
    emu().setFault({ operation: 'ListSpaces', kind: 'malformed', times: 1 });
    await assert.rejects(client(emu()).send(list()), (e: Error) => {
      assert.equal(e instanceof sm.SageMakerServiceException, false);
      assert.match(`${e.name} ${e.message}`, /JSON|Unexpected token|Deserialization/i);
      return true;
    });
  });

  it('error sends any error type, with its status and message', async () => {
    emu().setFault({ operation: 'ListSpaces', kind: 'error', errorType: 'ExpiredTokenException', message: 'The security token included in the request is expired', times: 1 });
    await rejectsWith(client(emu()).send(list()), 'ExpiredTokenException', 'The security token included in the request is expired');
    emu().setFault({ operation: 'ListSpaces', kind: 'error', errorType: 'AccessDeniedException', status: 403, message: 'not authorized to perform: sagemaker:ListSpaces', times: 1 });
    const denied = await rejectsWith(client(emu()).send(list()), 'AccessDeniedException', /not authorized/);
    assert.equal(denied.$metadata.httpStatusCode, 403);
  });

  it('hits only its operation and region, exactly `times` calls, and "*" hits every operation', async () => {
    emu().setFault({ operation: 'ListSpaces', kind: 'throttle', times: 2, region: 'us-east-1' });
    assert.ok((await client(emu()).send(new sm.ListDomainsCommand({}))).Domains, 'other operation unaffected');
    assert.ok((await client(emu(), { region: 'eu-west-1' }).send(list())).Spaces, 'other region unaffected');
    await rejectsWith(client(emu()).send(list()), 'ThrottlingException');
    await rejectsWith(client(emu()).send(list()), 'ThrottlingException');
    assert.ok((await client(emu()).send(list())).Spaces, 'third call passes');
    emu().setFault({ operation: '*', kind: 'http5xx' });
    await rejectsWith(client(emu()).send(new sm.ListDomainsCommand({})), 'InternalFailure');
    await rejectsWith(client(emu()).send(new sm.DescribeNotebookInstanceCommand({ NotebookInstanceName: 'legacy-etl' })), 'InternalFailure');
    emu().clearFaults();
    assert.ok((await client(emu()).send(new sm.ListDomainsCommand({}))).Domains, 'cleared');
  });

  it('the admin path sets and clears the same faults', async () => {
    const res = await fetch(`${emu().adminUrl}/faults`, { method: 'POST', body: JSON.stringify({ operation: 'ListSpaces', kind: 'http5xx', status: 503 }) });
    assert.equal(res.status, 200);
    await rejectsWith(client(emu()).send(list()), 'ServiceUnavailable');
    await rejectsWith(client(emu()).send(list()), 'ServiceUnavailable');
    assert.equal((await fetch(`${emu().adminUrl}/faults`, { method: 'DELETE' })).status, 200);
    assert.ok((await client(emu()).send(list())).Spaces);
  });

  it('a bad fault is refused with a message naming the field', () => {
    assert.throws(() => emu().setFault({ operation: 'ListSpaces', kind: 'error' }), /errorType is required/);
    assert.throws(() => emu().setFault({ operation: 'ListSpaces', kind: 'throttle', times: 0 }), /times must be a positive integer/);
    assert.throws(() => emu().setFault({ operation: 'ListSpaces', kind: 'http5xx', status: 404 }), /500-599/);
  });

  it('the latencyMs start option delays every call', async () => {
    const { startEmulator } = await import('../../emulator');
    const slow = await startEmulator({ latencyMs: 200 });
    try {
      const started = Date.now();
      await client(slow).send(new sm.ListDomainsCommand({}));
      assert.ok(Date.now() - started >= 190);
    } finally {
      await slow.stop();
    }
  });
});
