/**
 * Connect with Remote SSH in the extension host: the prerequisite checks, each consent, the SSO
 * domain, and the host it sets up, used for real: `ssh <alias> echo ok` through the extension's own
 * files in global storage, the helper copied from the installed extension, a stand-in for the
 * Session Manager plugin (which checks the session with the local endpoint) and a local sshd.
 * code-server has no Remote-SSH extension and is itself a remote window, so the window's part
 * (is it remote, which Remote-SSH extension, open a folder, a terminal) answers from the test.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { RemoteHooks } from '../../src/remote/hooks';
import { SSH_CONFIG_FILE } from '../../src/remote/hostsFile';
import { addInclude } from '../../src/remote/sshConfig';
import { repoRoot } from '../harness/paths';
import { startSshd, type LocalSshd } from '../remote/sshd';
import { emulator, emulatorUrl, item, nodeAt, resetSettings, setSetting, usePrompter } from './helpers';

const EAST = 'd-7kx2hq9mzp4a';
const alias = (space: string): string => `sagemaker.us-east-1.${EAST}.${space}`;
const run = promisify(execFile);

describe('Connect with Remote SSH: prerequisites, consents, and the host it sets up', function () {
  this.timeout(120_000);
  const { api, prompter } = usePrompter();
  let tmp: string;
  let sshd: LocalSshd;
  let userConfig: string;
  let wrapper: string;
  let original: Partial<RemoteHooks>;
  const opened: string[] = [];
  const terminals: [string, string][] = [];
  const hooks = (): RemoteHooks => api().services.remote;

  async function connect(node?: unknown): Promise<void> {
    await vscode.commands.executeCommand('sagemaker.connectSpace', node);
  }

  /** Runs the command with every question dismissed (Escape): no button. */
  async function connectDismissed(node: unknown): Promise<void> {
    const real = prompter.message.bind(prompter);
    prompter.message = (level, text, buttons, modal) => {
      prompter.messages.push({ level, text, buttons, modal: modal ?? false });
      return Promise.resolve(undefined);
    };
    try {
      await connect(node);
    } finally {
      prompter.message = real;
    }
  }

  /** `ssh <alias> echo ok` through the user's SSH config as the command left it. */
  async function sshEchoOk(target: string): Promise<string> {
    const env = { ...process.env, SM_STANDIN_EMULATOR: `${emulatorUrl()}/__emulator`, SM_STANDIN_SSHD_PORT: String(sshd.port) };
    try {
      const { stdout } = await run('ssh', ['-F', userConfig, '-i', sshd.userKey, '-o', 'IdentitiesOnly=yes', '-o', 'BatchMode=yes', '-l', sshd.user, target, 'echo', 'ok'], { env, timeout: 60_000 });
      return stdout;
    } catch (e) {
      const err = e as { stderr?: string; message: string };
      assert.fail(`ssh ${target} failed: ${err.stderr ?? err.message}\nhelper log: ${fs.readFileSync(path.join(hooks().storageDir, 'connect.log'), 'utf8')}`);
    }
  }

  const space = (profile: string, name: string) => nodeAt(api(), 'Studio Domains', 'ml-platform', profile, name);
  const calls = async (...ops: string[]): Promise<number[]> => {
    const c = await emulator.calls();
    return ops.map((o) => c[o] ?? 0);
  };

  /** None of the calls connecting makes (the tree's own reading of rows may go on meanwhile). */
  const CONNECT_CALLS = ['DescribeSpace', 'UpdateSpace', 'DeleteApp', 'CreateApp', 'StartSession'];
  const noConnectCalls = async (): Promise<void> => assert.deepEqual(await calls(...CONNECT_CALLS), CONNECT_CALLS.map(() => 0), `none of ${CONNECT_CALLS.join(', ')}`);

  before(async () => {
    await resetSettings();
    await emulator.reset();
    await vscode.commands.executeCommand('sagemaker.refresh');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-remote-host-'));
    sshd = await startSshd(path.join(tmp, 'sshd'));
    wrapper = path.join(tmp, 'bin', 'session-manager-plugin');
    fs.mkdirSync(path.dirname(wrapper), { recursive: true });
    fs.writeFileSync(wrapper, `#!/bin/sh\nexec '${process.execPath}' '${path.join(repoRoot, 'out', 'test', 'remote', 'ssm-plugin-standin.js')}' "$@"\n`, { mode: 0o755 });
    userConfig = path.join(tmp, 'home', '.ssh', 'config');
    const h = hooks();
    original = { remoteName: h.remoteName, remoteSshExtension: h.remoteSshExtension, openFolder: h.openFolder, runInTerminal: h.runInTerminal, sshConfigPath: h.sshConfigPath };
    h.sshConfigPath = () => userConfig;
    h.openFolder = (uri) => {
      opened.push(uri.toString());
      return Promise.resolve();
    };
    h.runInTerminal = (name, command) => void terminals.push([name, command]);
  });
  beforeEach(async () => {
    opened.length = 0;
    terminals.length = 0;
    hooks().remoteName = () => undefined;
    hooks().remoteSshExtension = () => 'ms-vscode-remote.remote-ssh';
    await setSetting('remote.sessionManagerPluginPath', wrapper);
    // The user agreed to the Include line once (the test of that question writes a config without it),
    // so each test runs alone as in the suite.
    addInclude(userConfig, path.join(hooks().storageDir, SSH_CONFIG_FILE));
    await emulator.resetCalls();
  });
  afterEach(() => prompter.assertDone());
  after(async () => {
    Object.assign(hooks(), original);
    await setSetting('remote.sessionManagerPluginPath', undefined);
    await sshd?.stop();
    await resetSettings();
    await emulator.reset();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('names a missing ssh client and Session Manager plugin, with where to get them, before anything changes', async () => {
    const node = await space('alice', 'Team Analytics');
    await emulator.resetCalls();
    const savedPath = process.env.PATH;
    process.env.PATH = path.join(tmp, 'empty');
    await setSetting('remote.sessionManagerPluginPath', path.join(tmp, 'no-such-plugin'));
    try {
      await connect(node);
    } finally {
      process.env.PATH = savedPath;
    }
    assert.equal(prompter.errors.length, 1);
    const shown = prompter.errors[0];
    assert.match(shown.text, /No ssh client was found on the PATH\. Install your distribution's OpenSSH client/);
    assert.match(shown.text, /sagemaker\.remote\.sessionManagerPluginPath names ".*no-such-plugin", which is not a file/);
    assert.deepEqual(shown.buttons, ['Installation Guide', 'Open Settings']);
    await noConnectCalls();
    assert.equal(fs.existsSync(path.join(hooks().storageDir, 'hosts.json')), false, 'no host set up');
    prompter.messages.length = 0;
  });

  it('in a remote window: says a window over Remote-SSH needs a local window and offers the terminal; dismissed, nothing changes', async () => {
    hooks().remoteName = () => 'ssh-remote';
    const node = await space('alice', 'Team Analytics');
    await emulator.resetCalls();
    await connectDismissed(node);
    assert.equal(prompter.messages.length, 1);
    assert.match(prompter.messages[0].text, /runs its extensions on another machine \(ssh-remote\).*needs a local VS Code window.*"ssh sagemaker\.us-east-1\.d-7kx2hq9mzp4a\.team-analytics" works in a terminal there/);
    assert.deepEqual(prompter.messages[0].buttons, ['Set Up for Terminal']);
    await noConnectCalls();
    assert.deepEqual(terminals, []);
  });

  it('without a Remote-SSH extension: offers it or the terminal; the terminal path asks for the Include line, sets up the host, and ssh <alias> works', async () => {
    hooks().remoteSshExtension = () => undefined;
    fs.mkdirSync(path.dirname(userConfig), { recursive: true });
    fs.writeFileSync(userConfig, 'Host mine\n  HostName mine.example\n');
    prompter.script({ button: 'Set Up for Terminal' }, { button: 'Add the Line' });
    await connect(await space('alice', 'Team Analytics'));
    const [noExtension, include] = prompter.messages.filter((m) => m.modal);
    assert.match(noExtension.text, /needs a Remote-SSH extension \(ms-vscode-remote\.remote-ssh, anysphere\.remote-ssh, jeanp413\.open-remote-ssh/);
    assert.deepEqual(noExtension.buttons, ['Install Remote-SSH', 'Set Up for Terminal']);
    assert.match(include.text, new RegExp(`Add one line for it at the top of your SSH config ${userConfig.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\? Include ".*/remote/ssh_config"`));
    assert.deepEqual(terminals, [['SageMaker: team-analytics', `ssh ${alias('team-analytics')}`]]);
    assert.deepEqual(opened, [], 'no window');
    const config = fs.readFileSync(userConfig, 'utf8');
    assert.ok(config.endsWith('\nHost mine\n  HostName mine.example\n'), 'the rest of the file as it was');
    assert.deepEqual(await calls('UpdateSpace', 'DeleteApp', 'CreateApp', 'StartSession'), [0, 0, 0, 0], 'remote access was on and the space running: nothing to change');
    assert.equal(await sshEchoOk(alias('team-analytics')), 'ok\n');
    assert.deepEqual(await calls('StartSession'), [1], 'the helper started one session');
  });

  it('remote access off on a running space: asks (the app restarts), offers larger types than its 4 GiB one (kept), then stops, turns it on, starts, opens the home folder in a new window', async () => {
    const node = await space('alice', 'Alice JupyterLab');
    prompter.script({ button: 'Turn On and Restart' }, { pick: 'Keep ml.t3.medium' });
    await connect(node);
    const [restart] = prompter.messages.filter((m) => m.modal);
    assert.match(restart.text, /Remote access is off for the space Alice JupyterLab\. Turn it on\? Its app restarts/);
    assert.equal(prompter.picks[0].title, 'Alice JupyterLab runs on ml.t3.medium, with 4 GiB of memory: VS Code in the space wants at least 8 GiB');
    assert.match(prompter.picks[0].placeholder, /Choose a larger instance type for the space \(it starts on it\), or keep ml\.t3\.medium; Escape cancels/);
    assert.deepEqual(await calls('DeleteApp', 'UpdateSpace', 'CreateApp'), [1, 1, 1]);
    assert.equal((await api().services.session.access().describeSpaceRemoteAccess('us-east-1', EAST, 'alice-jupyterlab')).appInstanceType, 'ml.t3.medium', 'kept');
    assert.equal((await api().services.session.access().describeSpaceRemoteAccess('us-east-1', EAST, 'alice-jupyterlab')).remoteAccess, 'ENABLED');
    assert.equal((await item(api(), node)).contextValue, 'sagemaker.space.running');
    assert.deepEqual(opened, [`vscode-remote://ssh-remote%2B${alias('alice-jupyterlab')}/home/sagemaker-user`]);
    assert.equal(vscode.Uri.parse(opened[0]).authority, `ssh-remote+${alias('alice-jupyterlab')}`);
    assert.equal(await sshEchoOk(alias('alice-jupyterlab')), 'ok\n');
  });

  describe('a running space with remote access on, under 8 GiB', () => {
    const remote = () => api().services.session.access().describeSpaceRemoteAccess('us-east-1', EAST, 'alice-jupyterlab');

    it('offers its larger choices, the current one to keep; Escape changes nothing', async () => {
      prompter.script({ cancel: true });
      await connect(await space('alice', 'Alice JupyterLab'));
      const pick = prompter.picks[0];
      assert.deepEqual(pick.items.map((i) => `${i.label} (${i.description ?? ''})`), [
        'ml.t3.large (8 GiB)',
        'ml.m5.large (8 GiB)',
        'ml.t3.xlarge (16 GiB)',
        'ml.m5.xlarge (16 GiB)',
        'ml.g5.xlarge (16 GiB)',
        'Keep ml.t3.medium (4 GiB: VS Code may be slow or stop)',
      ]);
      assert.match(pick.placeholder, /Choose a larger instance type for the space \(its app is stopped and started again on it \(what is not saved in it is lost\)\), or keep ml\.t3\.medium; Escape cancels/);
      assert.deepEqual(await calls('UpdateSpace', 'DeleteApp', 'CreateApp', 'StartSession'), [0, 0, 0, 0], 'only the space read (DescribeSpace)');
      assert.deepEqual(opened, [], 'no window');
    });

    it('keeping its type connects with no change to the space', async () => {
      prompter.script({ pick: 'Keep ml.t3.medium' });
      await connect(await space('alice', 'Alice JupyterLab'));
      assert.deepEqual(await calls('DeleteApp', 'UpdateSpace', 'CreateApp'), [0, 0, 0]);
      assert.deepEqual(opened, [`vscode-remote://ssh-remote%2B${alias('alice-jupyterlab')}/home/sagemaker-user`]);
      assert.equal((await remote()).appInstanceType, 'ml.t3.medium');
    });

    it('a larger one: the app is stopped, UpdateSpace sets the space\'s instance type, the app starts on it, and ssh works', async () => {
      prompter.script({ pick: 'ml.m5.xlarge' });
      await connect(await space('alice', 'Alice JupyterLab'));
      const order = (await emulator.arrivals()).map((a) => a.operation).filter((o) => ['DeleteApp', 'UpdateSpace', 'CreateApp'].includes(o));
      assert.deepEqual(order, ['DeleteApp', 'UpdateSpace', 'CreateApp']);
      const after = await remote();
      assert.deepEqual([after.remoteAccess, after.defaultInstanceType, after.appInstanceType], ['ENABLED', 'ml.m5.xlarge', 'ml.m5.xlarge'], 'the space\'s default and its app');
      assert.equal((await item(api(), await space('alice', 'Alice JupyterLab'))).contextValue, 'sagemaker.space.running');
      assert.deepEqual(opened, [`vscode-remote://ssh-remote%2B${alias('alice-jupyterlab')}/home/sagemaker-user`]);
      assert.equal(await sshEchoOk(alias('alice-jupyterlab')), 'ok\n');
    });
  });

  it('declining remote access changes nothing', async () => {
    await connectDismissed(await space('alice', 'Alice Code Editor'));
    assert.equal(prompter.messages.length, 1);
    assert.match(prompter.messages[0].text, /Remote access is off for the space Alice Code Editor\. Turn it on and start the space\?/);
    assert.deepEqual(await calls('DeleteApp', 'UpdateSpace', 'CreateApp'), [0, 0, 0]);
    assert.equal(opened.length, 0);
  });

  it('a stopped space with remote access on is started as Start does, after asking, then opened (asked for in the palette)', async () => {
    await vscode.commands.executeCommand('sagemaker.stop', await space('alice', 'Team Analytics'));
    await emulator.resetCalls();
    prompter.script({ pick: 'ml-platform' }, { pick: 'alice' }, { pick: 'Team Analytics' }, { button: 'Start and Connect' });
    await connect();
    assert.match(prompter.messages.find((m) => m.modal)?.text ?? '', /The space Team Analytics is Stopped\. Start it and connect when it is ready\?/);
    assert.deepEqual(await calls('CreateApp', 'UpdateSpace'), [1, 0]);
    assert.equal((await api().services.session.access().describeSpaceRemoteAccess('us-east-1', EAST, 'team-analytics')).appInstanceType, 'ml.g5.xlarge', 'started on the instance type it ran on, not the default');
    assert.equal((await item(api(), await space('alice', 'Team Analytics'))).contextValue, 'sagemaker.space.running');
    assert.deepEqual(opened, [`vscode-remote://ssh-remote%2B${alias('team-analytics')}/home/sagemaker-user`]);
  });

  it('Open Recent lists a connection as its own entry, beside the same space opened in the browser; choosing it connects again', async () => {
    await vscode.commands.executeCommand('sagemaker.clearRecent');
    const node = await space('alice', 'Team Analytics');
    await connect(node);
    assert.deepEqual([prompter.messages.map((m) => m.text), opened.length], [[], 1], 'connected without a question');
    await vscode.commands.executeCommand('sagemaker.openSpace', node);
    assert.equal(prompter.opened.length, 1, 'opened in the browser too');
    opened.length = 0;
    prompter.clear();
    prompter.script({ cancel: true });
    await vscode.commands.executeCommand('sagemaker.openRecent');
    assert.deepEqual(prompter.picks[0].items, [
      { label: 'Team Analytics', description: 'Space · us-east-1 · ml-platform · alice', buttons: ['Copy URL'] },
      { label: 'Team Analytics', description: 'Space over Remote SSH · us-east-1 · ml-platform · alice' },
    ]);
    assert.doesNotMatch(JSON.stringify(api().services.recent.entries()), /https?:|token|AKIA|secret/i);
    // The connection first again, then chosen from Open Recent: the same steps, the window opens.
    await connect(node);
    opened.length = 0;
    prompter.clear();
    await emulator.resetCalls();
    prompter.script({ pick: 'Team Analytics' });
    await vscode.commands.executeCommand('sagemaker.openRecent');
    assert.match(prompter.picks[0].items[0].description ?? '', /^Space over Remote SSH/);
    assert.deepEqual(opened, [`vscode-remote://ssh-remote%2B${alias('team-analytics')}/home/sagemaker-user`]);
    assert.deepEqual(await calls('CreatePresignedDomainUrl'), [0], 'no URL made');
  });

  it('offers itself in the menus of JupyterLab and Code Editor space rows only (their contextValue), whatever their state', async () => {
    const contextOf = async (profile: string, name: string): Promise<string | undefined> => (await item(api(), await space(profile, name))).contextValue;
    assert.equal(await contextOf('alice', 'Alice JupyterLab'), 'sagemaker.space.running');
    assert.equal(await contextOf('alice', 'Alice Code Editor'), 'sagemaker.space.stopped');
    assert.equal(await contextOf('carol', 'Carol RStudio'), 'sagemaker.space.running.noRemote', 'RStudio: no Connect with Remote SSH');
    const menu = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { menus: { 'view/item/context': { command: string; when: string }[] } } })
      .contributes.menus['view/item/context'].filter((e) => e.command === 'sagemaker.connectSpace');
    const shown = (context: string | undefined): boolean[] => menu.map((e) => new RegExp(/viewItem =~ \/(.*)\/$/.exec(e.when)?.[1] ?? '^$').test(context ?? ''));
    assert.deepEqual(shown(await contextOf('alice', 'Alice JupyterLab')), [true, true], 'inline and in the context menu');
    assert.deepEqual(shown(await contextOf('alice', 'Alice Code Editor')), [true, true]);
    assert.deepEqual(shown(await contextOf('carol', 'Carol RStudio')), [false, false]);
  });

  it('refuses a space that is neither JupyterLab nor Code Editor (asked for in the palette), naming its type', async () => {
    const node = await space('carol', 'Carol RStudio');
    await emulator.resetCalls();
    await connect(node);
    assert.match(prompter.errors[0]?.text ?? '', /works with JupyterLab and Code Editor spaces; the space Carol RStudio is a RStudioServerPro space/);
    await noConnectCalls();
    prompter.messages.length = 0;
  });

  it('an IAM Identity Center (SSO) domain whose session SageMaker refuses: says why (its answer) before anything changes, and offers the browser', async () => {
    await setSetting('regions', ['eu-west-1']);
    try {
      await vscode.commands.executeCommand('sagemaker.refresh');
      const node = await nodeAt(api(), 'Studio Domains', 'identity-center-lab', 'kenji', 'Kenji Lab');
      prompter.script({ button: 'Open in Browser' });
      await connect(node);
      assert.match(
        prompter.messages.find((m) => m.modal)?.text ?? '',
        /SageMaker refused a remote session to the space Kenji Lab: its domain identity-center-lab signs in through IAM Identity Center \(AuthMode SSO\), and SageMaker said: "Domain d-4hn6xw8qrt2v has AuthMode SSO\..*" Open the space in the browser instead/,
      );
      assert.equal(prompter.opened.length, 1);
      assert.match(prompter.opened[0].toString(true), /\/sso\/eu-west-1\/d-4hn6xw8qrt2v$/);
      assert.deepEqual(await calls('StartSession', 'UpdateSpace', 'DeleteApp', 'CreateApp'), [1, 0, 0, 0], 'one StartSession, refused; nothing changed');
    } finally {
      await setSetting('regions', ['us-east-1']);
    }
  });
});
