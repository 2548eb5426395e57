/** The SSH files of "Connect with Remote SSH": the user's config gets one Include line and nothing else; our file, the launcher, and quoting for each platform. */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hostAlias, type RemoteHost } from '../../../src/remote/hostsFile';
import { cmdQuote, installHelper, launcherText, proxyCommand, shQuote } from '../../../src/remote/install';
import { addInclude, hasInclude, INCLUDE_COMMENT, includeLine, removeInclude, setHost, sshConfigText, userSshConfigPath } from '../../../src/remote/sshConfig';

const HOST: RemoteHost = {
  region: 'us-east-1',
  domainId: 'd-7kx2hq9mzp4a',
  spaceName: 'team-analytics',
  appArn: 'arn:aws:sagemaker:us-east-1:123456789012:app/d-7kx2hq9mzp4a/team-analytics/jupyterlab/default',
  profile: 'dev',
  pluginPath: '/usr/local/bin/session-manager-plugin',
};
const ALIAS = hostAlias('us-east-1', 'd-7kx2hq9mzp4a', 'team-analytics');

describe('Remote SSH: the SSH config files', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sm ssh 'cfg' "));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('the alias is sagemaker.<region>.<domain id>.<space name>', () => {
    assert.equal(ALIAS, 'sagemaker.us-east-1.d-7kx2hq9mzp4a.team-analytics');
  });

  it("adds the Include line at the top of the user's config and leaves every other byte as it was; twice adds nothing; removing it restores the file", () => {
    const config = path.join(tmp, '.ssh', 'config');
    fs.mkdirSync(path.dirname(config));
    const original = 'Host *\r\n  ServerAliveInterval 60\r\n\r\nHost box\r\n  HostName box.example\r\n';
    fs.writeFileSync(config, original, { mode: 0o644 });
    const ours = path.join(tmp, 'global storage', 'remote', 'ssh_config');
    assert.equal(addInclude(config, ours), true);
    const text = fs.readFileSync(config, 'utf8');
    assert.equal(text, `${INCLUDE_COMMENT}\r\n${includeLine(ours)}\r\n\r\n${original}`, 'two lines (CRLF like the file) and a blank one above the rest, unchanged');
    assert.equal(fs.statSync(config).mode & 0o777, 0o644, 'mode kept');
    assert.ok(hasInclude(text, ours));
    assert.equal(addInclude(config, ours), false);
    assert.equal(fs.readFileSync(config, 'utf8'), text);
    assert.equal(removeInclude(config, ours), true);
    assert.equal(fs.readFileSync(config, 'utf8'), original);
    assert.equal(removeInclude(config, ours), false);
  });

  it('creates ~/.ssh/config (private) when there is none', () => {
    const config = path.join(tmp, 'home', '.ssh', 'config');
    addInclude(config, path.join(tmp, 'ssh_config'));
    assert.equal(fs.readFileSync(config, 'utf8'), `${INCLUDE_COMMENT}\n${includeLine(path.join(tmp, 'ssh_config'))}\n`);
    assert.equal(fs.statSync(config).mode & 0o777, 0o600);
  });

  it('the config is remote.SSH.configFile when set (~ is the home folder), else ~/.ssh/config', () => {
    assert.equal(userSshConfigPath(undefined, '/home/u'), path.join('/home/u', '.ssh', 'config'));
    assert.equal(userSshConfigPath('  ', '/home/u'), path.join('/home/u', '.ssh', 'config'));
    assert.equal(userSshConfigPath('~/work/ssh.conf', '/home/u'), path.join('/home/u', 'work', 'ssh.conf'));
    assert.equal(userSshConfigPath('/etc/ssh/mine', '/home/u'), '/etc/ssh/mine');
  });

  it('the Include line quotes the absolute path with forward slashes (Windows too), and refuses what ssh could not read', () => {
    assert.equal(includeLine('/home/u/my storage/ssh_config'), 'Include "/home/u/my storage/ssh_config"');
    if (process.platform !== 'win32') {
      // On Windows path.isAbsolute accepts this form; here the conversion itself is what is checked.
      assert.equal(includeLine('/C:\\Users\\A B\\ssh_config'), 'Include "/C:/Users/A B/ssh_config"');
    }
    assert.throws(() => includeLine('relative/ssh_config'), /absolute path/);
    assert.throws(() => includeLine('/a"b/ssh_config'), /double quotes/);
  });

  it('our file has one entry per space: the alias, User sagemaker-user, the ProxyCommand; ssh reads it through the Include, paths with spaces, quotes and % included', () => {
    const dir = path.join(tmp, "storage 100% 'x'", 'remote');
    const ours = setHost(dir, ALIAS, HOST, 'linux');
    const text = fs.readFileSync(ours, 'utf8');
    assert.equal(text, sshConfigText(dir, 'linux'));
    assert.match(text, new RegExp(`^Host ${ALIAS.replace(/\./g, '\\.')}\\n  User sagemaker-user\\n  ProxyCommand /bin/sh .*connect\\.sh' ${ALIAS.replace(/\./g, '\\.')}$`, 'm'));
    const user = path.join(tmp, 'config');
    fs.writeFileSync(user, 'Host other\n  User someone\n');
    addInclude(user, ours);
    // ssh -G prints the configuration it would use, ProxyCommand before its % expansion (the
    // end-to-end test runs it from a folder with a % in its name).
    const seen = execFileSync('ssh', ['-G', '-F', user, ALIAS], { stdio: 'pipe' }).toString();
    assert.match(seen, /^user sagemaker-user$/m);
    const proxy = seen.split('\n').find((l) => l.startsWith('proxycommand '));
    assert.equal(proxy, `proxycommand /bin/sh ${shQuote(path.join(dir, 'connect.sh')).replace(/%/g, '%%')} ${ALIAS}`);
    assert.match(execFileSync('ssh', ['-G', '-F', user, 'other'], { stdio: 'pipe' }).toString(), /^user someone$/m, 'other hosts as before');
    // Our file gone: ssh ignores the Include, the user's own hosts work as before.
    fs.rmSync(dir, { recursive: true });
    assert.match(execFileSync('ssh', ['-G', '-F', user, 'other'], { stdio: 'pipe' }).toString(), /^user someone$/m);
  });

  it('a second space adds its entry; the first stays', () => {
    setHost(tmp, ALIAS, HOST, 'linux');
    const other = hostAlias('eu-west-1', 'd-9fj4rt2lwx6e', 'paper');
    const text = fs.readFileSync(setHost(tmp, other, { ...HOST, region: 'eu-west-1', spaceName: 'paper' }, 'linux'), 'utf8');
    assert.equal(text.match(/^Host /gm)?.length, 2);
    assert.ok(text.indexOf(`Host ${ALIAS}`) > 0 && text.indexOf(`Host ${other}`) > 0);
  });
});

describe('Remote SSH: quoting the launcher and the ProxyCommand for Linux, macOS and Windows', () => {
  it('POSIX: single quotes survive spaces, quotes, $ and backslashes (run by sh)', () => {
    for (const s of ["/home/a b/it's $HOME `x` \\n", '/plain/path', "''", '%h %%']) {
      assert.equal(execFileSync('/bin/sh', ['-c', `printf %s ${shQuote(s)}`]).toString(), s);
    }
  });

  it('POSIX ProxyCommand: /bin/sh and the quoted launcher, % doubled for ssh, then the alias', () => {
    assert.equal(proxyCommand('darwin', "/Users/a b/Library/Application Support/Code/User/globalStorage/x/remote 100%", ALIAS), `/bin/sh '/Users/a b/Library/Application Support/Code/User/globalStorage/x/remote 100%%/connect.sh' ${ALIAS}`);
    assert.equal(proxyCommand('linux', "/home/o'neil/.config/Code/remote", ALIAS), `/bin/sh '/home/o'\\''neil/.config/Code/remote/connect.sh' ${ALIAS}`);
  });

  it('Windows ProxyCommand and connect.cmd: double quotes, % doubled (cmd and ssh), the runtime as Node, else node', () => {
    const dir = 'C:\\Users\\A B\\AppData\\Roaming\\Code\\User\\globalStorage\\x\\remote';
    const command = proxyCommand('win32', dir, ALIAS);
    // path.join on Linux keeps the backslashes and adds a '/': check only the quoting around it.
    assert.match(command, new RegExp(`^"C:\\\\Users\\\\A B\\\\.*connect\\.cmd" ${ALIAS.replace(/\./g, '\\.')}$`));
    assert.equal(cmdQuote('C:\\a 50%\\b'), '"C:\\a 50%%\\b"');
    assert.throws(() => cmdQuote('C:\\a"b'), /double quote/);
    const text = launcherText('win32', dir, 'C:\\Program Files\\Microsoft VS Code\\Code.exe');
    assert.ok(text.includes('\r\n'), 'CRLF');
    assert.match(text, /^set "ELECTRON_RUN_AS_NODE=1"\r$/m);
    assert.match(text, /^set RUNTIME="C:\\Program Files\\Microsoft VS Code\\Code\.exe"\r$/m);
    assert.match(text, /^if not exist %RUNTIME% set RUNTIME=node\r$/m);
    assert.match(text, /^%RUNTIME% "C:\\Users\\A B\\.*connect\.js" %\*\r$/m);
  });

  it('installHelper copies the helper and writes the launcher, rewriting them only when they change', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-install-'));
    try {
      const src = path.join(tmp, 'connect.js');
      fs.writeFileSync(src, '// v1\n');
      const dir = path.join(tmp, 'remote');
      const launcher = installHelper(dir, src, '/opt/code/code', 'linux');
      assert.equal(fs.readFileSync(path.join(dir, 'connect.js'), 'utf8'), '// v1\n');
      assert.equal(fs.readFileSync(launcher, 'utf8'), launcherText('linux', dir, '/opt/code/code'));
      const before = fs.statSync(launcher).mtimeMs;
      installHelper(dir, src, '/opt/code/code', 'linux');
      assert.equal(fs.statSync(launcher).mtimeMs, before);
      fs.writeFileSync(src, '// v2\n');
      installHelper(dir, src, '/opt/code/code', 'linux');
      assert.equal(fs.readFileSync(path.join(dir, 'connect.js'), 'utf8'), '// v2\n');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
