/**
 * Connect with Remote SSH in code-server, as a user sees it: code-server is itself a remote window
 * (its extensions run on the server) with no Remote-SSH extension, so the command says a window
 * over Remote-SSH needs a local VS Code window and offers the terminal instead. Chosen, it asks
 * for the Include line, sets the host up on the server, and a terminal there runs `ssh <alias>`;
 * the host it wrote works (`ssh <alias> echo ok` through the real helper, the tests' stand-in for
 * the Session Manager plugin and a local sshd).
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../harness/paths';
import { findSshd, startSshd, type LocalSshd } from '../remote/sshd';
import { chooseMenuItem, expandRow, openContextMenu, openSageMakerView, openWorkbench, readmeScreenshot, screenshotFailures, treeRow, until, type Workbench } from './workbench';

const run = promisify(execFile);
const ALIAS = 'sagemaker.us-east-1.d-7kx2hq9mzp4a.team-analytics';

describe('Connect with Remote SSH in code-server: the terminal path', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let tmp: string;
  let sshd: LocalSshd | undefined;
  let userConfig: string;

  before(async function () {
    if (!findSshd()) {
      console.log('    skipped: no sshd installed (Debian\'s openssh-server; .ci/run installs it)');
      this.skip();
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-ui-remote-'));
    sshd = await startSshd(path.join(tmp, 'sshd'));
    const plugin = path.join(tmp, 'bin', 'session-manager-plugin');
    fs.mkdirSync(path.dirname(plugin), { recursive: true });
    fs.writeFileSync(plugin, `#!/bin/sh\nexec '${process.execPath}' '${path.join(repoRoot, 'out', 'test', 'remote', 'ssm-plugin-standin.js')}' "$@"\n`, { mode: 0o755 });
    // The user's SSH config, with a line of their own: the extension must add its one line and keep the rest.
    userConfig = path.join(tmp, 'home', '.ssh', 'config');
    fs.mkdirSync(path.dirname(userConfig), { recursive: true });
    fs.writeFileSync(userConfig, 'Host mine\n  HostName mine.example\n');
    wb = await openWorkbench({
      userSettings: {
        'sagemaker.regions': ['us-east-1'],
        'sagemaker.remote.sessionManagerPluginPath': plugin,
        'remote.SSH.configFile': userConfig,
        'workbench.colorTheme': 'Default Dark Modern',
        // The DOM renderer: the terminal's text is in the page.
        'terminal.integrated.gpuAcceleration': 'off',
      },
      env: { SM_STANDIN_SSHD_PORT: String(sshd.port) },
    });
    await openSageMakerView(wb.page);
    // A wider side bar, so the rows show their descriptions in the README's picture: drag its sash.
    const bar = await wb.page.locator('.part.sidebar').boundingBox();
    if (bar) {
      const y = bar.y + bar.height / 2;
      await wb.page.mouse.move(bar.x + bar.width, y);
      await wb.page.mouse.down();
      await wb.page.mouse.move(bar.x + bar.width + 120, y, { steps: 4 });
      await wb.page.mouse.move(bar.x + bar.width + 200, y, { steps: 4 });
      await wb.page.mouse.up();
    }
  });

  screenshotFailures(() => wb?.page);

  after(async () => {
    await wb?.close();
    await sshd?.stop();
    if (tmp) {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('right-click a JupyterLab space → Connect with Remote SSH: a local window is needed, the terminal is offered; chosen, the host is set up and a terminal runs ssh <alias>', async () => {
    const { page } = wb;
    await expandRow(page, 'ml-platform');
    await expandRow(page, 'alice');
    await treeRow(page, 'Team Analytics').waitFor({ timeout: 30_000 });
    await openContextMenu(page, 'Team Analytics');
    await page.getByRole('menuitem', { name: 'Connect with Remote SSH', exact: true }).hover();
    await readmeScreenshot(page, 'connect-remote-ssh');
    await chooseMenuItem(page, 'Connect with Remote SSH');

    const dialog = page.locator('.monaco-dialog-box');
    const remote = dialog.filter({ hasText: 'needs a local VS Code window' });
    await remote.waitFor({ timeout: 30_000 });
    assert.match((await remote.innerText()).replace(/\s+/g, ' '), new RegExp(`cannot be opened from it: that needs a local VS Code window\\. Set up the SSH host on that machine instead, so that "ssh ${ALIAS.replace(/\./g, '\\.')}" works in a terminal there\\?`));
    await remote.getByRole('button', { name: 'Set Up for Terminal', exact: true }).click();

    const include = dialog.filter({ hasText: 'Add one line for it at the top of your SSH config' });
    await include.waitFor({ timeout: 30_000 });
    await include.getByRole('button', { name: 'Add the Line', exact: true }).click();

    await page.locator('.notification-toast', { hasText: `The SSH host ${ALIAS} is set up` }).waitFor({ timeout: 30_000 });
    // The terminal on the server, named for the space, with the command typed in it.
    const terminal = page.locator('.part.panel .xterm-rows');
    await until(async () => (await terminal.innerText()).includes(`ssh ${ALIAS}`), `the terminal shows "ssh ${ALIAS}"`);
    await page.locator('.part.panel').getByText('SageMaker: team-analytics').first().waitFor({ timeout: 10_000 });

    // What it wrote on this machine (code-server's): the Include line on top, the rest as it was; the host works.
    const config = fs.readFileSync(userConfig, 'utf8');
    const include1 = /^# SageMaker Environments: .*\nInclude "(.+\/remote\/ssh_config)"\n/.exec(config);
    assert.ok(include1, `the Include line on top, after its comment:\n${config}`);
    assert.ok(config.endsWith('\nHost mine\n  HostName mine.example\n'), 'the rest of the file as it was');
    assert.match(fs.readFileSync(include1[1], 'utf8'), new RegExp(`^Host ${ALIAS.replace(/\./g, '\\.')}$`, 'm'));
    const env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_'))),
      AWS_ACCESS_KEY_ID: wb.emulator.accessKeyId,
      AWS_SECRET_ACCESS_KEY: wb.emulator.secretAccessKey,
      AWS_CONFIG_FILE: path.join(tmp, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(tmp, 'no-aws-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      SM_STANDIN_EMULATOR: wb.emulator.adminUrl,
      SM_STANDIN_SSHD_PORT: String(sshd!.port),
    };
    const { stdout } = await run('ssh', ['-F', userConfig, '-i', sshd!.userKey, '-o', 'IdentitiesOnly=yes', '-o', 'BatchMode=yes', '-l', sshd!.user, ALIAS, 'echo', 'ok'], { env, timeout: 60_000 });
    assert.equal(stdout, 'ok\n');
  });
});
