import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { registerCleanup } from './cleanup';
import { cacheRoot, repoRoot } from './paths';
import { npmCommand, runGroup, type CommandLine } from './processes';

/**
 * Installs code-server on demand into a git-ignored cache folder. It is not a dependency of the
 * project: its postinstall builds native modules, which would make every `npm install` slow and
 * fragile. Each setting below works around a failure seen when installing it offline.
 */
export const CODE_SERVER_VERSION: string = (JSON.parse(fs.readFileSync(path.join(repoRoot, '.ci', 'code-server.json'), 'utf8')) as { version: string }).version;
/** The ripgrep package code-server 4.100.3 pulls in, and the archive its postinstall looks for. */
const RIPGREP_VERSION = '1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
/** The registry package that ships an `rg` binary, used to fill that archive offline. */
const RIPGREP_BINARY_PACKAGE = '@vscode/ripgrep-linux-x64@1.18.0';


export const installDir = path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
const completeMarker = path.join(installDir, '.install-complete');
const lockDir = `${installDir}.lock`;
const installLog = `${installDir}-install.log`;
const packageDir = path.join(installDir, 'node_modules', 'code-server');
const entryPoint = path.join(packageDir, 'out', 'node', 'entry.js');
/** Files that only code-server's postinstall makes: their absence means it did not run to the end. */
const postinstallOutputs = [
  path.join(packageDir, 'lib', 'vscode', 'node_modules.asar'),
  path.join(packageDir, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'),
  path.join(packageDir, 'lib', 'vscode', 'extensions', 'node_modules'),
];

/** The code-server to run: `CODE_SERVER_PATH` if set, else the cached install (made if needed). */
export async function ensureCodeServer(): Promise<CommandLine> {
  const fromEnv = process.env.CODE_SERVER_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) {
      throw new Error(`CODE_SERVER_PATH is set to ${fromEnv}, which does not exist. Unset it to let the harness install code-server ${CODE_SERVER_VERSION}.`);
    }
    return { command: fromEnv, args: [] };
  }
  if (!isInstalled()) {
    await withInstallLock(async () => {
      if (!isInstalled()) {
        await install();
      }
    });
  }
  return { command: process.execPath, args: [entryPoint] };
}

function isInstalled(): boolean {
  return fs.existsSync(completeMarker) && fs.existsSync(entryPoint);
}

function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, program)));
}

/** What code-server's native modules need to build; named so the message says what to install. */
function missingBuildTools(): string[] {
  const missing: string[] = [];
  for (const [program, pkg] of [['python3', 'python3'], ['make', 'make'], ['g++', 'g++']] as const) {
    if (!onPath(program)) {
      missing.push(pkg);
    }
  }
  // The kerberos module includes gssapi/gssapi.h (Debian: libkrb5-dev).
  const gssapi = ['/usr/include/gssapi/gssapi.h', '/usr/include/gssapi.h', '/usr/local/include/gssapi/gssapi.h'];
  if (!gssapi.some((f) => fs.existsSync(f)) && !onPath('krb5-config')) {
    missing.push('libkrb5-dev');
  }
  return missing;
}

/** One install at a time, also across processes; a lock left by a dead process is taken over. */
async function withInstallLock(body: () => Promise<void>): Promise<void> {
  fs.mkdirSync(cacheRoot, { recursive: true });
  const deadline = Date.now() + 20 * 60_000;
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw e;
      }
      const owner = Number(readOr(path.join(lockDir, 'pid'), ''));
      if (!owner || !processAlive(owner)) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`Timed out waiting for another code-server install (process ${owner}, lock ${lockDir}).`);
      }
      if (!announced) {
        console.log(`Waiting for process ${owner}, which is installing code-server ${CODE_SERVER_VERSION}...`);
        announced = true;
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  const release = () => fs.rmSync(lockDir, { recursive: true, force: true });
  const unregister = registerCleanup({ stop: () => Promise.resolve(release()), stopNow: release });
  try {
    await body();
  } finally {
    release();
    unregister();
  }
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function install(): Promise<void> {
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor !== 20) {
    // Its postinstall refuses any other major version (4.103 and later need Node 22 or 24).
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} installs only under Node 20; this is Node ${process.versions.node}.\n` +
        'Run the tests with Node 20, or point CODE_SERVER_PATH at an existing code-server binary.',
    );
  }
  const missing = missingBuildTools();
  if (missing.length > 0) {
    throw new Error(
      `Installing code-server ${CODE_SERVER_VERSION} builds native modules and needs: ${missing.join(', ')}.\n` +
        `Install them (Debian/Ubuntu): sudo apt-get install -y ${missing.join(' ')}\n` +
        `Or point CODE_SERVER_PATH at an existing code-server ${CODE_SERVER_VERSION} binary.`,
    );
  }
  const started = Date.now();
  console.log(`Installing code-server ${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), installDir) || installDir} (first run only; a few minutes; log: ${installLog})`);
  // Whatever a previous, interrupted attempt left is redone from scratch.
  fs.rmSync(installDir, { recursive: true, force: true });
  fs.mkdirSync(installDir, { recursive: true });
  fs.writeFileSync(path.join(installDir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'code-server-install-'));
  const removeTmp = () => fs.rmSync(tmp, { recursive: true, force: true });
  const unregisterTmp = registerCleanup({ stop: () => Promise.resolve(removeTmp()), stopNow: removeTmp });
  const log = fs.openSync(installLog, 'w');
  const write = (chunk: string) => fs.writeSync(log, chunk);
  try {
    const npm = npmCommand();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // The ripgrep postinstall looks for its archive under os.tmpdir().
      TMPDIR: tmp,
      // Root: without it the postinstall refuses to run.
      npm_config_unsafe_perm: 'true',
      // node-pty's postinstall runs `npx node-gyp`; a `yes=false` npm config cancels it.
      npm_config_yes: 'true',
      // npm 11 may hold back dependencies' install scripts; code-server's postinstall (and the
      // nested installs it runs) build what it needs. Scoped to this cache folder only.
      npm_config_dangerously_allow_all_scripts: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    // Build native modules against the installed Node's headers instead of downloading them.
    const headersPrefix = path.resolve(path.dirname(process.execPath), '..');
    if (!env.npm_config_nodedir && fs.existsSync(path.join(headersPrefix, 'include', 'node', 'node.h'))) {
      env.npm_config_nodedir = headersPrefix;
    }
    if (process.platform === 'linux' && process.arch === 'x64') {
      await prepareRipgrepCache(npm, tmp, env, write);
    }
    await runGroup(npm.command, [...npm.args, 'install', '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
      cwd: installDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeoutMs: 30 * 60_000,
      onOutput: write,
    });
    for (const f of [entryPoint, ...postinstallOutputs]) {
      if (!fs.existsSync(f)) {
        throw new Error(`npm finished but ${f} is missing (code-server's postinstall did not complete)`);
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    fs.writeFileSync(completeMarker, JSON.stringify({ version: CODE_SERVER_VERSION, installedAt: new Date().toISOString(), seconds: Number(seconds) }));
    console.log(`Installed code-server ${CODE_SERVER_VERSION} in ${seconds} s.`);
  } catch (e) {
    fs.closeSync(log);
    const tail = readOr(installLog, '').split('\n').slice(-40).join('\n');
    throw new Error(
      `Installing code-server ${CODE_SERVER_VERSION} failed: ${(e as Error).message}\n--- last lines of ${installLog} ---\n${tail}\n---\n` +
        'Common causes: no access to the npm registry; missing libkrb5-dev, python3, make or g++ ' +
        '(sudo apt-get install -y libkrb5-dev python3 make g++). Fix it and run again: the half-finished install is redone.',
    );
  } finally {
    try {
      fs.closeSync(log);
    } catch {
      // Already closed on the failure path.
    }
    removeTmp();
    unregisterTmp();
  }
}

/**
 * @vscode/ripgrep downloads its binary from GitHub in its postinstall, which fails offline.
 * It first looks for a cached archive, which we fill with the `rg` of a registry package.
 */
async function prepareRipgrepCache(npm: CommandLine, tmp: string, env: NodeJS.ProcessEnv, write: (s: string) => void): Promise<void> {
  const packDir = path.join(tmp, 'rg-pack');
  fs.mkdirSync(packDir);
  await runGroup(npm.command, [...npm.args, 'pack', RIPGREP_BINARY_PACKAGE, '--pack-destination', packDir], {
    cwd: packDir,
    env,
    timeoutMs: 5 * 60_000,
    onOutput: write,
  });
  const tarball = fs.readdirSync(packDir).find((f) => f.endsWith('.tgz'));
  if (!tarball) {
    throw new Error(`npm pack ${RIPGREP_BINARY_PACKAGE} produced no tarball`);
  }
  execFileSync('tar', ['-xzf', path.join(packDir, tarball), '-C', packDir]);
  const binDir = path.join(packDir, 'package', 'bin');
  if (!fs.existsSync(path.join(binDir, 'rg'))) {
    throw new Error(`${RIPGREP_BINARY_PACKAGE} holds no bin/rg`);
  }
  const cacheDir = path.join(tmp, `vscode-ripgrep-cache-${RIPGREP_VERSION}`);
  fs.mkdirSync(cacheDir);
  execFileSync('tar', ['-czf', path.join(cacheDir, RIPGREP_ARCHIVE), '-C', binDir, 'rg']);
}
