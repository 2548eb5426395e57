/**
 * The benchmark's Remote SSH rows, in the extension host: "Connect with Remote SSH" from a space's
 * row until `ssh <alias> echo ok` answers through the host entry it wrote (the real helper, the
 * tests' stand-in for the Session Manager plugin, a local sshd), for (a) a running space with
 * remote access on and (b) a stopped one with remote access off (turned on and started after the
 * user agreed). The window's part (is it remote, which Remote-SSH extension, open a folder) answers
 * from here, as in test/host/remote-connect.test.ts; the user agrees to each question at once.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { SageMakerExtensionApi } from '../../../src/extension';
import type { Node } from '../../../src/tree/nodes';
import type { RemoteHooks } from '../../../src/remote/hooks';
import { repoRoot } from '../../harness/paths';
import { children, emulator, emulatorUrl } from '../../host/helpers';
import { findSshd, SSHD_CANDIDATES, startSshd } from '../../remote/sshd';
import { median, type HostFigure } from '../figures';
import type { BenchPrompter } from './prompter';

const run = promisify(execFile);
const SECTION = 'Remote SSH';
const RUNS = 3;
/** Shared spaces of the large data set's domain without an app (stopped), remote access off. */
const RUNNING_SPACE = { spaceName: 'shared-0006', label: 'Shared 6 JupyterLab' };
const STOPPED_SPACE = { spaceName: 'shared-0008', label: 'Shared 8 CodeEditor' };
/** At least 8 GiB, so no question about memory. */
const INSTANCE_TYPE = 'ml.m5.large';

export interface RemoteBenchContext {
  api: SageMakerExtensionApi;
  prompter: BenchPrompter;
  region: string;
  domainName: string;
  profile: string;
  say: (text: string) => void;
}

/** The space's row under the profile, reading further pages ("Load more…") until it shows. */
async function spaceRow(c: RemoteBenchContext, label: string): Promise<Node> {
  const labelOf = async (n: Node): Promise<string> => {
    const l = (await c.api.resources.getTreeItem(n)).label;
    return typeof l === 'string' ? l : (l?.label ?? '');
  };
  const findIn = async (nodes: readonly Node[], want: string): Promise<Node | undefined> => {
    for (const n of nodes) {
      if ((await labelOf(n)) === want) {
        return n;
      }
    }
    return undefined;
  };
  const groups = await children(c.api);
  const domains = (await findIn(groups, 'Studio Domains')) ?? groups[0];
  const domain = await findIn(await children(c.api, domains), c.domainName);
  const profile = domain && (await findIn(await children(c.api, domain), c.profile));
  if (!profile) {
    throw new Error(`no row for ${c.domainName} → ${c.profile}`);
  }
  for (;;) {
    const rows = await children(c.api, profile);
    const row = await findIn(rows, label);
    if (row) {
      return row;
    }
    const last = rows[rows.length - 1] as { kind?: string } | undefined;
    if (last?.kind !== 'loadMore') {
      throw new Error(`no space "${label}" under ${c.profile}`);
    }
    await vscode.commands.executeCommand('sagemaker.loadMore', last);
  }
}

/** Adds the two rows to `figures`, or says why they cannot be measured here. */
export async function benchRemote(c: RemoteBenchContext, figures: HostFigure[]): Promise<void> {
  if (!findSshd()) {
    c.say(`Remote SSH rows skipped: no sshd (${SSHD_CANDIDATES.join(', ')}); install Debian's openssh-server (.ci/run does)`);
    return;
  }
  const access = c.api.services.session.access();
  const domainId = (await access.listDomains(c.region)).items.find((d) => d.domainName === c.domainName)?.domainId;
  if (!domainId) {
    throw new Error(`no domain ${c.domainName} in ${c.region}`);
  }
  const hooks: RemoteHooks = c.api.services.remote;
  const saved = { remoteName: hooks.remoteName, remoteSshExtension: hooks.remoteSshExtension, openFolder: hooks.openFolder, sshConfigPath: hooks.sshConfigPath };
  const config = vscode.workspace.getConfiguration('sagemaker');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-bench-remote-'));
  const sshd = await startSshd(path.join(tmp, 'sshd'));
  const plugin = path.join(tmp, 'bin', 'session-manager-plugin');
  fs.mkdirSync(path.dirname(plugin), { recursive: true });
  fs.writeFileSync(plugin, `#!/bin/sh\nexec '${process.execPath}' '${path.join(repoRoot, 'out', 'test', 'remote', 'ssm-plugin-standin.js')}' "$@"\n`, { mode: 0o755 });
  const userConfig = path.join(tmp, 'home', '.ssh', 'config');
  fs.mkdirSync(path.dirname(userConfig), { recursive: true });
  fs.writeFileSync(userConfig, '');
  hooks.remoteName = () => undefined;
  hooks.remoteSshExtension = () => 'ms-vscode-remote.remote-ssh';
  hooks.openFolder = () => Promise.resolve();
  hooks.sshConfigPath = () => userConfig;
  await config.update('remote.sessionManagerPluginPath', plugin, vscode.ConfigurationTarget.Global);
  // Every question (turn on and start, the Include line) is agreed to at once.
  c.prompter.answerQuestions((buttons) => buttons[0]);
  const alias = (space: string): string => `sagemaker.${c.region}.${domainId}.${space}`;
  const sshEchoOk = async (space: string): Promise<void> => {
    const env = { ...process.env, SM_STANDIN_EMULATOR: `${emulatorUrl()}/__emulator`, SM_STANDIN_SSHD_PORT: String(sshd.port) };
    const { stdout } = await run('ssh', ['-F', userConfig, '-i', sshd.userKey, '-o', 'IdentitiesOnly=yes', '-o', 'BatchMode=yes', '-l', sshd.user, alias(space), 'echo', 'ok'], { env, timeout: 60_000 });
    if (stdout !== 'ok\n') {
      throw new Error(`ssh ${alias(space)} echo ok answered ${JSON.stringify(stdout)}`);
    }
  };
  const connect = async (space: { spaceName: string; label: string }): Promise<void> => {
    await vscode.commands.executeCommand('sagemaker.connectSpace', await spaceRow(c, space.label));
    c.prompter.check(`Connect with Remote SSH (${space.spaceName})`);
    await sshEchoOk(space.spaceName);
  };
  /** The space stopped (its app deleted), remote access off, on INSTANCE_TYPE: as (b) finds it. */
  const stopAndDisable = async (spaceName: string): Promise<void> => {
    const space = await access.describeSpace(c.region, domainId, spaceName);
    if (space.appState === 'Running') {
      await access.stopSpace(c.region, space);
    }
    await access.waitForSpace(c.region, domainId, spaceName, 'Stopped', { pollMs: 100 });
    await access.updateSpaceForRemote(c.region, domainId, spaceName, { remoteAccess: 'DISABLED', instanceType: { appType: space.appType ?? '', instanceType: INSTANCE_TYPE } });
    c.api.services.tree.updateSpace(await access.describeSpace(c.region, domainId, spaceName));
  };
  const measure = async (id: string, label: string, floorRoundTrips: number, note: string, space: { spaceName: string; label: string }, prepare?: () => Promise<void>): Promise<void> => {
    const ms: number[] = [];
    const commandMs: number[] = [];
    let calls: Record<string, number> = {};
    for (let i = 0; i < RUNS; i++) {
      await prepare?.();
      // The row is found before the clock starts: the user clicks a row already on screen.
      const row = await spaceRow(c, space.label);
      await emulator.resetCalls();
      const started = performance.now();
      await vscode.commands.executeCommand('sagemaker.connectSpace', row);
      c.prompter.check(`Connect with Remote SSH (${space.spaceName})`);
      commandMs.push(performance.now() - started);
      await sshEchoOk(space.spaceName);
      ms.push(performance.now() - started);
      calls = await emulator.calls();
    }
    const f: HostFigure = {
      id,
      section: SECTION,
      label,
      unit: 'ms',
      value: median(ms),
      calls: Object.values(calls).reduce((a, b) => a + b, 0),
      callsByOperation: calls,
      floorRoundTrips,
      runs: ms.length,
      note,
    };
    const ofWhich: HostFigure = { id: `${id}.command`, section: SECTION, label: '… of which the command, until the host entry is written (the rest: ssh, the helper, StartSession, the plugin)', unit: 'ms', value: median(commandMs), runs: commandMs.length };
    figures.push(f, ofWhich);
    c.say(`${label}: ${f.value.toFixed(0)} ms (${ms.map((m) => m.toFixed(0)).join(', ')}), of which the command ${ofWhich.value.toFixed(0)} ms; ${f.calls} call(s) ${JSON.stringify(calls)}`);
  };
  try {
    // (a) Made ready once, untimed (remote access on, started, the Include line added): then only the connection.
    await stopAndDisable(RUNNING_SPACE.spaceName);
    await connect(RUNNING_SPACE);
    await measure(
      'remote.connectRunning',
      'Connect with Remote SSH → `ssh <alias> echo ok` answers: a running space, remote access on',
      2,
      'floor: DescribeSpace with ListApps (one round trip), then the helper\'s StartSession; above it: the tree\'s row read for its state, the helper\'s start (node) and credentials, ssh and the plugin\'s handshake with the local sshd',
      RUNNING_SPACE,
    );
    await measure(
      'remote.connectStoppedDisabled',
      '… a stopped space with remote access off: turned on (UpdateSpace) and started, after the user agreed',
      5,
      'floor: DescribeSpace with ListApps, UpdateSpace, CreateApp, one read that finds it InService, StartSession; above it: the app\'s start (the endpoint takes 300 ms per transition here, minutes in AWS), the wait\'s polling (every 250 ms on a local endpoint) and what the row above names',
      STOPPED_SPACE,
      () => stopAndDisable(STOPPED_SPACE.spaceName),
    );
  } finally {
    c.prompter.answerQuestions(undefined);
    Object.assign(hooks, saved);
    await config.update('remote.sessionManagerPluginPath', undefined, vscode.ConfigurationTarget.Global);
    await sshd.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
