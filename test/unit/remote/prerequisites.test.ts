/** What Connect with Remote SSH looks for on this machine: ssh, the Session Manager plugin (setting, PATH, install folders); and instance memory. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { instanceMemoryGiB } from '../../../src/remote/instanceMemory';
import { findOnPath, findPlugin, findSsh, pluginInstallFolders } from '../../../src/remote/prerequisites';

describe('Remote SSH prerequisites', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-prereq-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function program(dir: string, name: string): string {
    fs.mkdirSync(path.join(tmp, dir), { recursive: true });
    const file = path.join(tmp, dir, name);
    fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o755 });
    return file;
  }

  it('finds a program on the PATH (first folder wins), not a folder of that name', () => {
    fs.mkdirSync(path.join(tmp, 'a', 'ssh'), { recursive: true });
    const ssh = program('b', 'ssh');
    program('c', 'ssh');
    const env = { PATH: [path.join(tmp, 'a'), path.join(tmp, 'b'), path.join(tmp, 'c')].join(':') };
    assert.equal(findOnPath('ssh', env, 'linux'), ssh);
    assert.equal(findSsh(env, 'linux'), ssh);
    assert.equal(findSsh({ PATH: path.join(tmp, 'a') }, 'linux'), undefined);
  });

  it('Windows: PATH with PATHEXT (ssh.exe), Path spelt as Windows does', () => {
    const exe = program('w', 'ssh.exe');
    assert.equal(findOnPath('ssh', { Path: path.join(tmp, 'w'), PATHEXT: '.COM;.EXE' }, 'win32'), exe);
  });

  it('the plugin: the setting first (absolute, a file), else the PATH, else its install folders; else a message with where to get it', () => {
    const onPath = program('bin', 'session-manager-plugin');
    const configured = program('custom dir', 'session-manager-plugin');
    const env = { PATH: path.join(tmp, 'bin') };
    assert.deepEqual(findPlugin(configured, env, 'linux'), { found: configured, from: 'setting' });
    assert.deepEqual(findPlugin('  ', env, 'linux'), { found: onPath, from: 'PATH' });
    const notFile = findPlugin(path.join(tmp, 'nope'), env, 'linux');
    assert.ok('problem' in notFile && /sagemaker\.remote\.sessionManagerPluginPath names ".*nope", which is not a file/.test(notFile.problem));
    const relative = findPlugin('bin/session-manager-plugin', env, 'linux');
    assert.ok('problem' in relative && /must be an absolute path/.test(relative.problem));
    const none = findPlugin(undefined, { PATH: path.join(tmp, 'empty') }, 'linux');
    if ('problem' in none) {
      assert.match(none.problem, /not found on the PATH nor in \/usr\/local\/sessionmanagerplugin\/bin\/session-manager-plugin/);
      assert.match(none.problem, /https:\/\/docs\.aws\.amazon\.com\/systems-manager\/latest\/userguide\/session-manager-working-with-install-plugin\.html/);
    } else {
      // This machine has the plugin in an install folder.
      assert.ok(pluginInstallFolders('linux').includes(none.found));
    }
  });

  it('install folders per platform', () => {
    assert.deepEqual(pluginInstallFolders('win32', { ProgramFiles: 'D:\\Programs' }), ['D:\\Programs\\Amazon\\SessionManagerPlugin\\bin\\session-manager-plugin.exe']);
    assert.ok(pluginInstallFolders('darwin').includes('/opt/homebrew/bin/session-manager-plugin'));
    assert.ok(pluginInstallFolders('linux').includes('/usr/local/sessionmanagerplugin/bin/session-manager-plugin'));
  });

  it('instance memory: under 8 GiB is known for the small types, unknown types say nothing', () => {
    assert.equal(instanceMemoryGiB('ml.t3.medium'), 4);
    assert.equal(instanceMemoryGiB('ml.t3.large'), 8);
    assert.equal(instanceMemoryGiB('ml.c5.large'), 4);
    assert.equal(instanceMemoryGiB('ml.m5.large'), 8);
    assert.equal(instanceMemoryGiB('ml.m5.4xlarge'), 64);
    assert.ok((instanceMemoryGiB('ml.g5.xlarge') ?? 0) >= 16);
    assert.equal(instanceMemoryGiB('ml.x9.large'), undefined);
    assert.equal(instanceMemoryGiB('system'), undefined);
    assert.equal(instanceMemoryGiB(undefined), undefined);
  });
});
