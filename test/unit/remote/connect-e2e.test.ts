/**
 * "Connect with Remote SSH", end to end without VS Code: the user's SSH config Includes our file,
 * whose entry's ProxyCommand runs the launcher and the production build of the connect helper from
 * global storage; the helper resolves credentials from a profile, calls StartSession on the local
 * SageMaker endpoint over HTTP, and runs the Session Manager plugin's stand-in, which checks the
 * answer against the endpoint and carries the connection to a local sshd. `ssh <alias> echo ok`.
 */
import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { hostAlias, type RemoteHost } from '../../../src/remote/hostsFile';
import { installHelper } from '../../../src/remote/install';
import { addInclude, refreshInstall, setHost } from '../../../src/remote/sshConfig';
import { startEmulator, type RunningEmulator } from '../../emulator/index';
import { repoRoot } from '../../harness/paths';
import { startSshd, type LocalSshd } from '../../remote/sshd';

const EAST = 'd-7kx2hq9mzp4a';
const run = promisify(execFile);

describe('Connect with Remote SSH end to end: ssh <alias> through the generated entry, the real helper and a local sshd', function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let sshd: LocalSshd;
  let tmp: string;
  /** Global storage's remote folder: a space, a quote and a % in its path, as a user's home can have. */
  let storage: string;
  let userConfig: string;
  let pluginWrapper: string;
  let record: string;
  let env: NodeJS.ProcessEnv;
  const alias = hostAlias('us-east-1', EAST, 'team-analytics');

  /** A production build of the extension "installed" at `dir` (dist/connect.js is what is copied from it). */
  function install(version: string): string {
    const dir = path.join(tmp, 'extensions', `sagemaker-environments.sagemaker-environments-${version}`);
    execFileSync(process.execPath, ['esbuild.js', '--production', `--outdir=${path.join(dir, 'dist')}`], { cwd: repoRoot });
    return path.join(dir, 'dist', 'connect.js');
  }

  function host(spaceName: string): RemoteHost {
    return { region: 'us-east-1', domainId: EAST, spaceName, appArn: `arn:aws:sagemaker:us-east-1:123456789012:app/${EAST}/${spaceName}/jupyterlab/default`, profile: 'emu', endpointUrl: emu.url, pluginPath: pluginWrapper };
  }

  async function ssh(target: string): Promise<{ stdout: string; stderr: string; code: number }> {
    try {
      const { stdout, stderr } = await run('ssh', ['-F', userConfig, '-i', sshd.userKey, '-o', 'IdentitiesOnly=yes', '-o', 'BatchMode=yes', '-l', sshd.user, target, 'echo', 'ok'], { env, timeout: 60_000 });
      return { stdout, stderr, code: 0 };
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; code?: number };
      return { stdout: err.stdout ?? '', stderr: err.stderr ?? '', code: err.code ?? -1 };
    }
  }

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-remote-e2e-'));
    storage = path.join(tmp, "global storage 'q' 100%x", 'remote');
    emu = await startEmulator({ transitionDelayMs: 50 });
    sshd = await startSshd(path.join(tmp, 'sshd'));
    const standin = path.join(repoRoot, 'out', 'test', 'remote', 'ssm-plugin-standin.js');
    pluginWrapper = path.join(tmp, 'bin', 'session-manager-plugin');
    fs.mkdirSync(path.dirname(pluginWrapper), { recursive: true });
    fs.writeFileSync(pluginWrapper, `#!/bin/sh\nexec '${process.execPath}' '${standin}' "$@"\n`, { mode: 0o755 });
    const aws = path.join(tmp, 'aws');
    fs.mkdirSync(aws);
    fs.writeFileSync(path.join(aws, 'config'), '[profile emu]\nregion = us-east-1\n');
    fs.writeFileSync(path.join(aws, 'credentials'), `[emu]\naws_access_key_id = ${emu.accessKeyId}\naws_secret_access_key = ${emu.secretAccessKey}\n`);
    record = path.join(tmp, 'plugin-runs.jsonl');
    // What ssh (and so the helper) sees: the profile's files, and none of this machine's AWS settings.
    env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
    Object.assign(env, {
      AWS_CONFIG_FILE: path.join(aws, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(aws, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      SM_STANDIN_EMULATOR: emu.adminUrl,
      SM_STANDIN_SSHD_PORT: String(sshd.port),
      SM_STANDIN_RECORD: record,
    });
    userConfig = path.join(tmp, 'home', '.ssh', 'config');
    fs.mkdirSync(path.dirname(userConfig), { recursive: true });
    fs.writeFileSync(userConfig, 'Host other\n  HostName example.invalid\n');
  });

  after(async () => {
    await sshd?.stop();
    await emu?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('ssh <alias> echo ok: a session per connection, checked by the plugin stand-in; the log names the steps and holds no token', async () => {
    installHelper(storage, install('0.1.0'), process.execPath);
    const ours = setHost(storage, alias, host('team-analytics'));
    assert.equal(addInclude(userConfig, ours), true);
    const first = await ssh(alias);
    assert.equal(first.stdout, 'ok\n', `ssh failed (${first.code}): ${first.stderr}`);
    const second = await ssh(alias);
    assert.equal(second.stdout, 'ok\n', `ssh failed (${second.code}): ${second.stderr}`);
    const sessions = emu.remoteSessions();
    assert.deepEqual(sessions.map((s) => s.resourceIdentifier), [host('team-analytics').appArn, host('team-analytics').appArn], 'one StartSession per connection');
    const runs = fs.readFileSync(record, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { sessionId: string; profile: string; endpoint: string });
    assert.deepEqual(runs.map((r) => [r.sessionId, r.profile, r.endpoint]), sessions.map((s) => [s.sessionId, 'emu', 'https://ssm.us-east-1.amazonaws.com']));
    const log = fs.readFileSync(path.join(storage, 'connect.log'), 'utf8');
    assert.match(log, new RegExp(`${alias.replace(/\./g, '\\.')}: StartSession \\(region us-east-1, profile emu, endpoint ${emu.url}\\)`));
    // ssh ends the ProxyCommand when the connection closes; the helper ends the plugin with it.
    assert.match(log, /connection closed \(SIGHUP\); ending the Session Manager plugin/);
    assert.match(log, /the Session Manager plugin ended/);
    assert.doesNotMatch(log, /TokenValue|secret|AKIA/i, 'no token or credential in the log');
  });

  it('keeps working after an update: the old install folder gone, a new version installed, and even with the recorded runtime gone (node from the PATH)', async () => {
    const oldDir = path.dirname(path.dirname(install('0.1.0')));
    installHelper(storage, path.join(oldDir, 'dist', 'connect.js'), process.execPath);
    fs.rmSync(oldDir, { recursive: true, force: true });
    // Until the new version runs, the copy in global storage serves.
    assert.equal((await ssh(alias)).stdout, 'ok\n');
    installHelper(storage, install('0.2.0'), process.execPath);
    const updated = await ssh(alias);
    assert.equal(updated.stdout, 'ok\n', updated.stderr);
    // VS Code moved (its runtime path is gone): the launcher falls back to node from the PATH.
    installHelper(storage, path.join(tmp, 'extensions', 'sagemaker-environments.sagemaker-environments-0.2.0', 'dist', 'connect.js'), path.join(tmp, 'gone', 'code'));
    env.PATH = `${path.dirname(process.execPath)}${path.delimiter}${env.PATH ?? ''}`;
    const fallback = await ssh(alias);
    assert.equal(fallback.stdout, 'ok\n', fallback.stderr);
  });

  it("the activation's refresh: nothing before any host is set up; after an update, the new version's helper and launcher, and ssh works", async () => {
    const fresh = path.join(tmp, 'fresh storage', 'remote');
    const v3 = install('0.3.0');
    assert.equal(refreshInstall(fresh, v3, process.execPath), false);
    assert.equal(fs.existsSync(fresh), false, 'nothing written');
    // The copy in storage is an older build (or damaged); the runtime path is one that has moved.
    fs.writeFileSync(path.join(storage, 'connect.js'), '// an older version\nprocess.exit(3);\n');
    installHelper(storage, path.join(storage, 'connect.js'), path.join(tmp, 'moved', 'code'));
    assert.equal(refreshInstall(storage, v3, process.execPath), true);
    assert.ok(fs.readFileSync(path.join(storage, 'connect.js')).equals(fs.readFileSync(v3)), "the new version's helper");
    assert.match(fs.readFileSync(path.join(storage, 'connect.sh'), 'utf8'), new RegExp(`runtime='${process.execPath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}'`));
    assert.equal((await ssh(alias)).stdout, 'ok\n');
  });

  it('a refused StartSession ends the connection with the step and the reason on stderr and in the log; the plugin never runs', async () => {
    const refusedAlias = hostAlias('us-east-1', EAST, 'alice-jupyterlab');
    setHost(storage, refusedAlias, host('alice-jupyterlab'));
    const runsBefore = fs.readFileSync(record, 'utf8');
    const r = await ssh(refusedAlias);
    assert.notEqual(r.code, 0);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /SageMaker connect: StartSession for space alice-jupyterlab failed \(ValidationException\): Remote access is not enabled for space alice-jupyterlab/);
    assert.match(fs.readFileSync(path.join(storage, 'connect.log'), 'utf8'), /alice-jupyterlab: failed: StartSession for space alice-jupyterlab failed/);
    assert.equal(fs.readFileSync(record, 'utf8'), runsBefore, 'the plugin did not run');
  });
});
