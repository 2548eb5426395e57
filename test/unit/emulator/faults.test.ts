/** Faults on demand, per operation, deterministic: in-process and over the admin path. */
import * as assert from 'node:assert/strict';
import * as sm from '@aws-sdk/client-sagemaker';
import type { FaultKind } from '../../emulator';
import { client, EAST_DOMAIN, rejectsWith, RESEARCH_DOMAIN, useEmulator } from './helpers';

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

  it('rewrite answers as usual with the named members replaced, at any depth (a crafted answer)', async () => {
    emu().setFault({ operation: 'ListSpaces', kind: 'rewrite', set: { SpaceDisplayName: 'x\\@evil.example' }, times: 1 });
    const out = await client(emu()).send(list());
    assert.ok(out.Spaces?.length);
    assert.ok(out.Spaces.every((s) => s.SpaceDisplayName === 'x\\@evil.example'));
    assert.ok((await client(emu()).send(list())).Spaces?.some((s) => s.SpaceDisplayName !== 'x\\@evil.example'), 'only `times` calls');
    assert.throws(() => emu().setFault({ operation: 'ListSpaces', kind: 'rewrite' }), /fault\.set is required/);
  });

  it('a bad fault is refused with a message naming the field', () => {
    assert.throws(() => emu().setFault({ operation: 'ListSpaces', kind: 'error' }), /errorType is required/);
    assert.throws(() => emu().setFault({ operation: 'ListSpaces', kind: 'throttle', times: 0 }), /times must be a positive integer/);
    assert.throws(() => emu().setFault({ operation: 'ListSpaces', kind: 'http5xx', status: 404 }), /500-599/);
  });

  it('hang never answers: the client\'s own request timeout ends the call, and the next call works', async () => {
    emu().setFault({ operation: 'ListSpaces', kind: 'hang', times: 1 });
    const impatient = new sm.SageMakerClient({
      region: 'us-east-1',
      endpoint: emu().url,
      maxAttempts: 1,
      credentials: { accessKeyId: emu().accessKeyId, secretAccessKey: emu().secretAccessKey },
      // @smithy/node-http-handler 4.x only warns when requestTimeout passes, unless told to throw.
      requestHandler: { requestTimeout: 300, throwOnRequestTimeout: true },
    });
    await assert.rejects(impatient.send(list()), (e: Error) => {
      assert.equal(e instanceof sm.SageMakerServiceException, false, `${e.name}: ${e.message}`);
      assert.equal(e.name, 'TimeoutError', e.message);
      return true;
    });
    assert.ok((await impatient.send(list())).Spaces, 'the next call works');
  });

  it('hang with latencyMs drops the connection after that long (a request that never answers, then a network error)', async () => {
    emu().setFault({ operation: 'ListSpaces', kind: 'hang', latencyMs: 200, times: 1 });
    await assert.rejects(client(emu()).send(list()), (e: Error) => {
      assert.equal(e instanceof sm.SageMakerServiceException, false, `${e.name}: ${e.message}`);
      assert.match(`${e.name} ${e.message} ${(e as { code?: string }).code ?? ''}`, /ECONNRESET|socket hang up|closed|terminated/i);
      return true;
    });
  });

  it('expiredToken, badSignature and regionDisabled answer as AWS does (400, its error type and message)', async () => {
    const cases: [string, string, string][] = [
      ['expiredToken', 'ExpiredTokenException', 'The security token included in the request is expired'],
      ['badSignature', 'InvalidSignatureException', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'],
      ['regionDisabled', 'UnrecognizedClientException', 'The security token included in the request is invalid.'],
    ];
    for (const [kind, errorType, message] of cases) {
      emu().setFault({ operation: 'ListDomains', kind: kind as FaultKind, times: 1 });
      const err = await rejectsWith(client(emu()).send(new sm.ListDomainsCommand({})), errorType, message);
      assert.equal(err.$metadata.httpStatusCode, 400, kind);
    }
    assert.ok((await client(emu()).send(new sm.ListDomainsCommand({}))).Domains, 'each hit one call');
  });

  it('accessDenied narrowed by match hits one domain only: its lists, describes and URLs, not the others', async () => {
    emu().setFault({ operation: '*', kind: 'accessDenied', match: { DomainId: EAST_DOMAIN } });
    const c = client(emu());
    const denied = await rejectsWith(
      c.send(new sm.CreatePresignedDomainUrlCommand({ DomainId: EAST_DOMAIN, UserProfileName: 'alice' })),
      'AccessDeniedException',
      `User: arn:aws:iam::123456789012:user/emulator-user is not authorized to perform: sagemaker:CreatePresignedDomainUrl on resource: arn:aws:sagemaker:us-east-1:123456789012:user-profile/${EAST_DOMAIN}/alice because no identity-based policy allows the sagemaker:CreatePresignedDomainUrl action`,
    );
    assert.equal(denied.$metadata.httpStatusCode, 400);
    await rejectsWith(c.send(new sm.ListUserProfilesCommand({ DomainIdEquals: EAST_DOMAIN })), 'AccessDeniedException', /sagemaker:ListUserProfiles on resource: arn:aws:sagemaker:us-east-1:123456789012:domain\/d-7kx2hq9mzp4a /);
    await rejectsWith(c.send(new sm.DescribeDomainCommand({ DomainId: EAST_DOMAIN })), 'AccessDeniedException');
    assert.ok((await c.send(new sm.CreatePresignedDomainUrlCommand({ DomainId: RESEARCH_DOMAIN, UserProfileName: 'erin' }))).AuthorizedUrl, 'another domain works');
    assert.ok((await c.send(new sm.ListUserProfilesCommand({ DomainIdEquals: RESEARCH_DOMAIN }))).UserProfiles?.length);
    assert.ok((await c.send(new sm.ListDomainsCommand({}))).Domains?.length, 'a call without the member is not hit');
  });

  it('match works over the admin path and with any fault kind; a bad match is refused', async () => {
    const res = await fetch(`${emu().adminUrl}/faults`, {
      method: 'POST',
      body: JSON.stringify({ operation: 'DescribeNotebookInstance', kind: 'http5xx', status: 503, match: { NotebookInstanceName: 'legacy-etl' } }),
    });
    assert.equal(res.status, 200);
    await rejectsWith(client(emu()).send(new sm.DescribeNotebookInstanceCommand({ NotebookInstanceName: 'legacy-etl' })), 'ServiceUnavailable');
    assert.equal((await client(emu()).send(new sm.DescribeNotebookInstanceCommand({ NotebookInstanceName: 'nlp-experiments' }))).NotebookInstanceStatus, 'Stopped');
    const bad = await fetch(`${emu().adminUrl}/faults`, { method: 'POST', body: JSON.stringify({ operation: '*', kind: 'accessDenied', match: ['d-7kx2hq9mzp4a'] }) });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { message: string }).message, /fault\.match must be an object/);
    assert.throws(() => emu().setFault({ operation: '*', kind: 'accessDenied', match: { DomainId: { x: 1 } as unknown as string } }), /fault\.match\.DomainId must be a string/);
    assert.throws(() => emu().setFault({ operation: '*', kind: 'nap' as 'hang' }), /fault\.kind must be one of .*hang, expiredToken, badSignature, accessDenied, regionDisabled/);
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
