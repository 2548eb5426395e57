/**
 * A minimal local STS (AssumeRole, AWS query protocol) for the MFA test: the emulator has no STS.
 * It hands out one fixed session key pair (which the test registers with the emulator) and records
 * the parameters it was called with (RoleArn, SerialNumber, TokenCode). It does not check signatures.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSts {
  url: string;
  calls: Record<string, string>[];
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiresAt: Date };
  stop(): Promise<void>;
}

export async function startFakeSts(): Promise<FakeSts> {
  const credentials = {
    accessKeyId: 'ASIAFAKESTSSESSION01',
    secretAccessKey: 'fakeStsSessionSecret0000000000000000000',
    sessionToken: 'fake-sts-session-token',
    expiresAt: new Date(Date.now() + 3600_000),
  };
  const calls: Record<string, string>[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      calls.push(params);
      if (params.Action !== 'AssumeRole') {
        res.writeHead(400, { 'content-type': 'text/xml' });
        res.end(`<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>Only AssumeRole</Message></Error><RequestId>1</RequestId></ErrorResponse>`);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <Credentials>
      <AccessKeyId>${credentials.accessKeyId}</AccessKeyId>
      <SecretAccessKey>${credentials.secretAccessKey}</SecretAccessKey>
      <SessionToken>${credentials.sessionToken}</SessionToken>
      <Expiration>${credentials.expiresAt.toISOString()}</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::123456789012:assumed-role/sagemaker-user/${params.RoleSessionName ?? 'session'}</Arn>
      <AssumedRoleId>AROAFAKE:${params.RoleSessionName ?? 'session'}</AssumedRoleId>
    </AssumedRoleUser>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>fake-sts-1</RequestId></ResponseMetadata>
</AssumeRoleResponse>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    credentials,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
