/**
 * The connect helper: what an SSH host entry's ProxyCommand runs (`connect.js <alias>`), one process
 * per connection, gone when the connection ends. For the alias (read from hosts.json beside this
 * file) it resolves credentials afresh for the profile, with the same chain as the tree (so SSO and
 * assume-role renew, nothing is saved), calls StartSession for the space's app, and hands over to
 * the Session Manager plugin, whose standard input and output are ssh's connection.
 *
 * Bundled on its own into dist/connect.js (esbuild.js), copied into the extension's global storage
 * (src/remote/install.ts). It writes nothing to standard output (that is the SSH stream) and logs
 * each step, never a token or a credential, to connect.log beside it.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SageMakerClient, StartSessionCommand } from '@aws-sdk/client-sagemaker';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { ALIAS_PATTERN, HOSTS_FILE, LOG_FILE, readHosts, type RemoteHost } from '../hostsFile';

/** The log is cut back to its newest half past this size. */
const LOG_MAX_BYTES = 256 * 1024;

/** The SSM endpoint of a region, the plugin's last argument. */
export function ssmEndpoint(region: string): string {
  return region.startsWith('cn-') ? `https://ssm.${region}.amazonaws.com.cn` : `https://ssm.${region}.amazonaws.com`;
}

/** The plugin's arguments for a StartSession answer (the AWS CLI's own hand-over: session, region, operation, profile, parameters, endpoint). */
export function pluginArgs(host: RemoteHost, session: { SessionId?: string; StreamUrl?: string; TokenValue?: string }): string[] {
  return [
    JSON.stringify({ SessionId: session.SessionId, StreamUrl: session.StreamUrl, TokenValue: session.TokenValue }),
    host.region,
    'StartSession',
    host.profile ?? '',
    JSON.stringify({ Target: host.appArn }),
    ssmEndpoint(host.region),
  ];
}

function logger(dir: string, alias: string): (line: string) => void {
  const file = path.join(dir, LOG_FILE);
  return (line) => {
    try {
      if ((fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) > LOG_MAX_BYTES) {
        const text = fs.readFileSync(file, 'utf8');
        fs.writeFileSync(file, text.slice(text.length / 2));
      }
      fs.appendFileSync(file, `${new Date().toISOString()} [${process.pid}] ${alias}: ${line}\n`, { mode: 0o600 });
    } catch {
      // The log is a help, never a reason for the connection to fail.
    }
  };
}

function fail(log: (line: string) => void, dir: string, message: string): never {
  log(`failed: ${message}`);
  process.stderr.write(`SageMaker connect: ${message}\n(log: ${path.join(dir, LOG_FILE)})\n`);
  process.exit(1);
}

export async function main(argv: string[], dir: string): Promise<void> {
  const alias = argv[0] ?? '';
  const log = logger(dir, ALIAS_PATTERN.test(alias) ? alias : '(bad alias)');
  if (!ALIAS_PATTERN.test(alias)) {
    fail(log, dir, `usage: connect.js sagemaker.<region>.<domain id>.<space name> (got ${JSON.stringify(alias.slice(0, 100))})`);
  }
  let host: RemoteHost | undefined;
  try {
    host = readHosts(path.join(dir, HOSTS_FILE)).hosts[alias];
  } catch (e) {
    fail(log, dir, `cannot read ${HOSTS_FILE}: ${(e as Error).message}`);
  }
  if (!host) {
    fail(log, dir, `no space is set up for ${alias}; run "Connect with Remote SSH" on it in VS Code first.`);
  }
  const started = Date.now();
  log(`StartSession (region ${host.region}, profile ${host.profile ?? '(default chain)'}${host.endpointUrl ? `, endpoint ${host.endpointUrl}` : ''})`);
  const mfaCodeProvider = (serial: string): Promise<string> =>
    Promise.reject(new Error(`the profile asks for an MFA code (${serial}), which ssh cannot ask for; sign in so that the profile has a session (e.g. aws sso login), then connect again.`));
  const credentials = host.profile ? fromIni({ profile: host.profile, mfaCodeProvider, ignoreCache: true }) : fromNodeProviderChain({ mfaCodeProvider, ignoreCache: true });
  const client = new SageMakerClient({ region: host.region, endpoint: host.endpointUrl, credentials, maxAttempts: 3 });
  let session;
  try {
    session = await client.send(new StartSessionCommand({ ResourceIdentifier: host.appArn }));
  } catch (e) {
    const err = e as Error;
    fail(log, dir, `StartSession for space ${host.spaceName} failed (${err.name}): ${err.message}`);
  } finally {
    client.destroy();
  }
  if (!session.SessionId || !session.StreamUrl || !session.TokenValue) {
    fail(log, dir, 'StartSession answered without a session (SessionId, StreamUrl or TokenValue missing).');
  }
  log(`session ${session.SessionId} started in ${Date.now() - started} ms; running the Session Manager plugin`);
  const plugin = spawn(host.pluginPath, pluginArgs(host, session), { stdio: 'inherit', windowsHide: true });
  plugin.on('error', (e) => fail(log, dir, `the Session Manager plugin (${host.pluginPath}) could not run: ${e.message}`));
  // ssh ends its ProxyCommand with a signal when the connection closes: the plugin goes too, so nothing stays running.
  for (const sig of ['SIGHUP', 'SIGTERM', 'SIGINT'] as const) {
    process.on(sig, () => {
      log(`connection closed (${sig}); ending the Session Manager plugin`);
      plugin.kill(sig);
    });
  }
  plugin.on('exit', (code, signal) => {
    log(`the Session Manager plugin ended (${signal ?? `exit code ${code}`}) after ${Math.round((Date.now() - started) / 1000)} s`);
    process.exit(code ?? 1);
  });
}

if (require.main === module) {
  // The SDK's warnings (e.g. about the Node version) would only clutter ssh's output.
  process.removeAllListeners('warning');
  void main(process.argv.slice(2), __dirname).catch((e: unknown) => {
    process.stderr.write(`SageMaker connect: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
