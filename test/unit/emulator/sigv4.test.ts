/** SigV4 for real: every request's signature is recomputed; bad keys, signatures, clocks and tokens are refused as AWS does. */
import * as assert from 'node:assert/strict';
import * as sm from '@aws-sdk/client-sagemaker';
import { client, rejectsWith, signedFetch, useEmulator } from './helpers';

describe('emulator SigV4 authentication', () => {
  const extra = { accessKeyId: 'AKIAEXTRAKEY00000001', secretAccessKey: 'extra-secret-for-the-second-key-0000000' };
  const { emu } = useEmulator({ credentials: [extra] });
  const list = new sm.ListDomainsCommand({});

  it('accepts the default key pair and keys given at start-up', async () => {
    assert.ok((await client(emu()).send(list)).Domains?.length);
    assert.ok((await client(emu(), extra).send(list)).Domains?.length);
  });

  it('a wrong secret is InvalidSignatureException', async () => {
    await rejectsWith(client(emu(), { secretAccessKey: 'not-the-secret' }).send(list), 'InvalidSignatureException', /signature we calculated does not match/);
  });

  it('a body changed after signing is InvalidSignatureException', async () => {
    // With and without the x-amz-content-sha256 header (the signature covers the body either way).
    for (const applyChecksum of [true, false]) {
      const res = await signedFetch(emu(), { target: 'SageMaker.ListDomains', body: '{"MaxResults":1}', sendBody: '{"MaxResults":2}', applyChecksum });
      assert.equal(res.status, 400);
      assert.equal(res.headers.get('x-amzn-errortype'), 'InvalidSignatureException');
      const untouched = await signedFetch(emu(), { target: 'SageMaker.ListDomains', body: '{"MaxResults":1}', applyChecksum });
      assert.equal(untouched.status, 200);
    }
  });

  it('an unknown access key is UnrecognizedClientException', async () => {
    await rejectsWith(client(emu(), { accessKeyId: 'AKIAUNKNOWN000000000' }).send(list), 'UnrecognizedClientException', 'The security token included in the request is invalid.');
  });

  it('a clock more than 5 minutes off is InvalidSignatureException "Signature expired" (or not yet current)', async () => {
    await rejectsWith(client(emu(), { systemClockOffset: -6 * 60_000 }).send(list), 'InvalidSignatureException', /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/);
    await rejectsWith(client(emu(), { systemClockOffset: 6 * 60_000 }).send(list), 'InvalidSignatureException', /^Signature not yet current/);
    // Inside the 5 minutes AWS allows.
    assert.ok((await client(emu(), { systemClockOffset: -4 * 60_000 }).send(list)).Domains);
  });

  it('a skewed SDK corrects its clock from the Date header and retries, as it does with AWS', async () => {
    const skewed = client(emu(), { systemClockOffset: -20 * 60_000, maxAttempts: 3 });
    emu().resetCallCounts();
    assert.ok((await skewed.send(list)).Domains);
    assert.equal(emu().callCount('ListDomains'), 2, 'one refused call, one corrected retry');
  });

  it('session tokens: valid works, expired is ExpiredTokenException, wrong or missing is UnrecognizedClientException', async () => {
    emu().addCredentials({ accessKeyId: 'ASIAEMULATORTEMP0001', secretAccessKey: 'temp-secret', sessionToken: 'session-token-1', expiresAt: new Date(Date.now() + 3_600_000) });
    emu().addCredentials({ accessKeyId: 'ASIAEMULATORTEMP0002', secretAccessKey: 'temp-secret', sessionToken: 'session-token-2', expiresAt: new Date(Date.now() - 1000) });
    assert.ok((await client(emu(), { accessKeyId: 'ASIAEMULATORTEMP0001', secretAccessKey: 'temp-secret', sessionToken: 'session-token-1' }).send(list)).Domains);
    await rejectsWith(
      client(emu(), { accessKeyId: 'ASIAEMULATORTEMP0002', secretAccessKey: 'temp-secret', sessionToken: 'session-token-2' }).send(list),
      'ExpiredTokenException',
      'The security token included in the request is expired',
    );
    await rejectsWith(client(emu(), { accessKeyId: 'ASIAEMULATORTEMP0001', secretAccessKey: 'temp-secret', sessionToken: 'other' }).send(list), 'UnrecognizedClientException');
    await rejectsWith(client(emu(), { accessKeyId: 'ASIAEMULATORTEMP0001', secretAccessKey: 'temp-secret' }).send(list), 'UnrecognizedClientException');
  });

  it('a request without Authorization is MissingAuthenticationTokenException', async () => {
    const res = await fetch(emu().url, { method: 'POST', headers: { 'x-amz-target': 'SageMaker.ListDomains', 'content-type': 'application/x-amz-json-1.1' }, body: '{}' });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('x-amzn-errortype'), 'MissingAuthenticationTokenException');
  });

  it('a signature scoped to another service is refused', async () => {
    const res = await signedFetch(emu(), { target: 'SageMaker.ListDomains', service: 's3' });
    assert.equal(res.headers.get('x-amzn-errortype'), 'InvalidSignatureException');
    assert.match(res.text, /scoped to correct service: 'sagemaker'/);
  });

  it('refused calls still count as calls received', async () => {
    emu().resetCallCounts();
    await rejectsWith(client(emu(), { secretAccessKey: 'wrong' }).send(list), 'InvalidSignatureException');
    assert.equal(emu().callCount('ListDomains'), 1);
  });
});
