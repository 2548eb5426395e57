/** AWS JSON 1.1 as SageMaker speaks it, the SDK's exception classes, and the admin path kept apart. */
import * as assert from 'node:assert/strict';
import * as sm from '@aws-sdk/client-sagemaker';
import { client, EAST_DOMAIN, rejectsWith, signedFetch, useEmulator } from './helpers';

describe('emulator protocol', () => {
  const { emu } = useEmulator();
  afterEach(() => emu().reset());

  it('answers POST / with X-Amz-Target in application/x-amz-json-1.1 with a request id', async () => {
    const res = await signedFetch(emu(), { target: 'SageMaker.ListDomains' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/x-amz-json-1.1');
    assert.match(res.headers.get('x-amzn-requestid') ?? '', /^[0-9a-f-]{36}$/);
    const body = JSON.parse(res.text) as { Domains: { CreationTime: unknown }[] };
    assert.equal(typeof body.Domains[0].CreationTime, 'number', 'timestamps are epoch seconds');
  });

  it('errors carry status, x-amzn-ErrorType and {"__type","message"}', async () => {
    const res = await signedFetch(emu(), { target: 'SageMaker.DescribeDomain', body: JSON.stringify({ DomainId: 'd-000000000000' }) });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('x-amzn-errortype'), 'ResourceNotFound');
    const body = JSON.parse(res.text) as Record<string, string>;
    assert.equal(body.__type, 'ResourceNotFound');
    assert.match(body.message, /d-000000000000/);
  });

  it('an unknown or unimplemented operation is UnknownOperationException', async () => {
    const res = await signedFetch(emu(), { target: 'SageMaker.DeleteDomain' });
    assert.equal(res.headers.get('x-amzn-errortype'), 'UnknownOperationException');
    await rejectsWith(client(emu()).send(new sm.ListClustersCommand({})), 'UnknownOperationException');
    const other = await signedFetch(emu(), { target: 'DynamoDB_20120810.ListTables' });
    assert.equal(other.headers.get('x-amzn-errortype'), 'UnknownOperationException');
  });

  it('a request without the JSON 1.1 content type is refused (UnknownOperationException)', async () => {
    for (const contentType of ['application/json', 'text/plain']) {
      const res = await signedFetch(emu(), { target: 'SageMaker.ListDomains', headers: { 'content-type': contentType } });
      assert.equal(res.headers.get('x-amzn-errortype'), 'UnknownOperationException', contentType);
    }
  });

  it('the SDK raises the modeled exception classes', async () => {
    const c = client(emu());
    const nf = await rejectsWith(c.send(new sm.DescribeSpaceCommand({ DomainId: EAST_DOMAIN, SpaceName: 'nope' })), 'ResourceNotFound');
    assert.ok(nf instanceof sm.ResourceNotFound);
    const iu = await rejectsWith(c.send(new sm.CreateAppCommand({ DomainId: EAST_DOMAIN, SpaceName: 'team-analytics', AppType: 'JupyterLab', AppName: 'default' })), 'ResourceInUse');
    assert.ok(iu instanceof sm.ResourceInUse);
    assert.equal(iu.$metadata.httpStatusCode, 400);
  });

  it('every error type the extension handles can be produced and reaches the SDK by name and status', async () => {
    const c = client(emu());
    const cases: [string, number][] = [
      ['ValidationException', 400],
      ['ResourceNotFound', 400],
      ['ResourceInUse', 400],
      ['ResourceLimitExceeded', 400],
      ['ThrottlingException', 400],
      ['AccessDeniedException', 400],
      ['UnrecognizedClientException', 400],
      ['InvalidSignatureException', 400],
      ['ExpiredTokenException', 400],
      ['InternalFailure', 500],
      ['ServiceUnavailable', 503],
      ['UnknownOperationException', 400],
    ];
    for (const [errorType, status] of cases) {
      emu().setFault({ operation: 'ListDomains', kind: 'error', errorType, times: 1 });
      const err = await rejectsWith(c.send(new sm.ListDomainsCommand({})), errorType);
      assert.equal(err.$metadata.httpStatusCode, status, errorType);
      if (errorType === 'ResourceLimitExceeded') {
        assert.ok(err instanceof sm.ResourceLimitExceeded);
      }
    }
  });

  it('onCall is told of every call: operation, region, status, error type; status 0 when dropped', async () => {
    const { startEmulator } = await import('../../emulator');
    const records: import('../../emulator').CallRecord[] = [];
    const watched = await startEmulator({ onCall: (r) => records.push(r) });
    try {
      await client(watched, { region: 'eu-west-1' }).send(new sm.ListDomainsCommand({}));
      await rejectsWith(client(watched).send(new sm.DescribeDomainCommand({ DomainId: 'd-000000000000' })), 'ResourceNotFound');
      watched.setFault({ operation: 'ListSpaces', kind: 'drop', times: 1 });
      await assert.rejects(client(watched).send(new sm.ListSpacesCommand({})));
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(
        records.map((r) => [r.operation, r.region, r.status, r.errorType]),
        [
          ['ListDomains', 'eu-west-1', 200, undefined],
          ['DescribeDomain', 'us-east-1', 400, 'ResourceNotFound'],
          ['ListSpaces', 'us-east-1', 0, undefined],
        ],
      );
      assert.ok(records.every((r) => r.durationMs >= 0));
    } finally {
      await watched.stop();
    }
  });

  it('the admin path is not reachable through X-Amz-Target', async () => {
    const fault = JSON.stringify({ operation: 'ListDomains', kind: 'throttle' });
    for (const target of ['SageMaker.__emulator/faults', 'SageMaker.SetFault', '__emulator.faults', 'SageMaker./__emulator/faults']) {
      const res = await signedFetch(emu(), { target, body: fault });
      assert.equal(res.headers.get('x-amzn-errortype'), 'UnknownOperationException', target);
    }
    // Nor by pointing a signed SageMaker call at the admin path.
    const viaPath = await signedFetch(emu(), { target: 'SageMaker.ListDomains', path: '/__emulator/faults', body: fault });
    assert.equal(viaPath.headers.get('x-amzn-errortype'), 'UnknownOperationException');
    const faults = (await (await fetch(`${emu().adminUrl}/faults`)).json()) as { faults: unknown[] };
    assert.deepEqual(faults.faults, []);
    assert.ok((await client(emu()).send(new sm.ListDomainsCommand({}))).Domains, 'no fault was installed');
  });

  it('admin HTTP: faults, call counts, clock and reset; bad input is a 400 naming the field', async () => {
    const post = (path: string, body: unknown) => fetch(`${emu().adminUrl}${path}`, { method: 'POST', body: JSON.stringify(body) });
    assert.equal((await post('/faults', { operation: 'ListDomains', kind: 'throttle', times: 1 })).status, 200);
    await rejectsWith(client(emu()).send(new sm.ListDomainsCommand({})), 'ThrottlingException');
    const calls = (await (await fetch(`${emu().adminUrl}/calls`)).json()) as { total: number; byOperation: Record<string, number> };
    assert.equal(calls.byOperation.ListDomains, 1);
    assert.equal(calls.total, 1);
    assert.equal((await fetch(`${emu().adminUrl}/calls`, { method: 'DELETE' })).status, 200);
    assert.equal(emu().callCount(), 0);
    const bad = await post('/faults', { operation: 'ListDomains', kind: 'explode' });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { message: string }).message, /fault\.kind must be one of/);
    assert.equal((await post('/faults', { operation: 'ListDomains', kind: 'error' })).status, 400, 'kind error needs errorType');
    assert.equal((await fetch(`${emu().adminUrl}/nothing`)).status, 404);
    assert.equal((await post('/clock', { advanceMs: -1 })).status, 400);
    assert.equal((await post('/reset', {})).status, 200);
  });

  it('admin HTTP: a user profile appears in a domain, or goes, as between two pages of a list; bad input is a 400', async () => {
    const post = (body: unknown) => fetch(`${emu().adminUrl}/userProfiles`, { method: 'POST', body: JSON.stringify(body) });
    const names = async (): Promise<string[]> =>
      ((await client(emu()).send(new sm.ListUserProfilesCommand({ DomainIdEquals: EAST_DOMAIN }))).UserProfiles ?? []).map((u) => u.UserProfileName ?? '');
    const before = await names();
    assert.equal((await post({ region: 'us-east-1', domainId: EAST_DOMAIN, userProfileName: 'zoe' })).status, 200);
    assert.deepEqual(await names(), [...before, 'zoe'], 'the new profile is listed last (the newest)');
    assert.equal((await post({ region: 'us-east-1', domainId: EAST_DOMAIN, userProfileName: 'bob', remove: true })).status, 200);
    assert.deepEqual(await names(), [...before, 'zoe'].filter((n) => n !== 'bob'));
    const bad = await post({ region: 'us-east-1', domainId: 'd-000000000000', userProfileName: 'x' });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { message: string }).message, /no domain d-000000000000 in us-east-1/);
    assert.equal((await post({ region: 'us-east-1' })).status, 400);
  });
});
