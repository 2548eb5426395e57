/**
 * A stand-in for the Session Manager plugin (`session-manager-plugin`), for the tests only. Run the
 * way the connect helper runs the real one:
 *   ssm-plugin-standin <StartSession answer JSON> <region> StartSession <profile> <{"Target": …}> <SSM endpoint>
 * It checks the answer against the local SageMaker endpoint (the SessionId and TokenValue must be
 * a pair it issued, for that Target, in that region), then carries its standard input and output
 * to a local sshd, as the real plugin carries them to the space over the SSM stream.
 *
 * Environment: SM_STANDIN_EMULATOR (the endpoint's admin URL), SM_STANDIN_SSHD_PORT (127.0.0.1),
 * SM_STANDIN_RECORD (optional: a file that gets one JSON line per run, without the token).
 */
import * as fs from 'node:fs';
import * as net from 'node:net';

function refuse(message: string): never {
  process.stderr.write(`ssm-plugin-standin: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const [answerJson, region, operation, profile, paramsJson, endpoint, ...rest] = process.argv.slice(2);
  if (rest.length > 0 || endpoint === undefined) {
    refuse(`expected 6 arguments, got ${process.argv.length - 2}`);
  }
  if (operation !== 'StartSession') {
    refuse(`the third argument must be StartSession, got ${operation}`);
  }
  const answer = JSON.parse(answerJson) as { SessionId?: string; StreamUrl?: string; TokenValue?: string };
  const params = JSON.parse(paramsJson) as { Target?: string };
  const admin = process.env.SM_STANDIN_EMULATOR ?? refuse('SM_STANDIN_EMULATOR is not set');
  const res = await fetch(`${admin}/sessions/check`, { method: 'POST', body: JSON.stringify({ SessionId: answer.SessionId, TokenValue: answer.TokenValue }) });
  const checked = (await res.json()) as { valid: boolean; session?: { region: string; resourceIdentifier: string } };
  if (!checked.valid || !checked.session) {
    refuse('the endpoint did not issue this SessionId and TokenValue');
  }
  if (checked.session.region !== region || checked.session.resourceIdentifier !== params.Target) {
    refuse(`the session is for ${checked.session.resourceIdentifier} in ${checked.session.region}, not ${String(params.Target)} in ${region}`);
  }
  if (endpoint !== `https://ssm.${region}.amazonaws.com`) {
    refuse(`unexpected SSM endpoint ${endpoint}`);
  }
  if (!answer.StreamUrl?.startsWith('wss://')) {
    refuse('StreamUrl is not a wss:// URL');
  }
  if (process.env.SM_STANDIN_RECORD) {
    fs.appendFileSync(process.env.SM_STANDIN_RECORD, `${JSON.stringify({ sessionId: answer.SessionId, region, profile, target: params.Target, endpoint })}\n`);
  }
  const socket = net.connect(Number(process.env.SM_STANDIN_SSHD_PORT), '127.0.0.1');
  socket.on('error', (e) => refuse(`cannot reach sshd: ${e.message}`));
  process.stdin.pipe(socket);
  socket.pipe(process.stdout);
  socket.on('close', () => process.exit(0));
}

void main().catch((e: unknown) => refuse((e as Error).message));
