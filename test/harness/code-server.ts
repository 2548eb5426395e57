import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { registerCleanup } from './cleanup';
import { repoRoot } from './paths';
import { ensureCodeServer } from './code-server-install';
import { runGroup, startGroup, type CommandLine, type GroupProcess } from './processes';

export { CODE_SERVER_VERSION, ensureCodeServer } from './code-server-install';

/** User settings that keep the window free of start pages, chat and telemetry. */
export const CLEAN_WINDOW_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
};

export interface CodeServerOptions {
  /** Run the extension from this folder, as an extension under development (edits + reload);
   * the addresses from workbenchUrl() load it. */
  extensionDevelopmentPath?: string;
  /** Or install this packaged extension first. */
  vsix?: string;
  /**
   * Added to (and overriding) the clean-window user settings. The extension's machine-scoped
   * settings among them go to the remote settings instead (see machineScopedKeys).
   */
  userSettings?: Record<string, unknown>;
  /** Added to code-server's environment, hence the extension host's (endpoint, credentials...). */
  env?: Record<string, string>;
  /** Folder the window opens; a fresh empty one by default. */
  folder?: string;
  /** Origins `vscode.env.openExternal` may open without the "open external website?" dialog. */
  trustedDomains?: string[];
  /** More code-server flags (the start-up trace passes `--log trace`). */
  extraArgs?: string[];
}

export interface RunningCodeServer {
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  readonly port: number;
  /** The folder the window opens. */
  readonly folder: string;
  /** Its --user-data-dir (extensions' global storage is under User/globalStorage/). */
  readonly userDataDir: string;
  /**
   * The workbench address. Its `payload` query parameter names the extension under development
   * (when started with `extensionDevelopmentPath`) and any `extra` entries, such as
   * `extensionTestsPath`: the workbench of code-server reads them as VS Code's CLI flags.
   */
  workbenchUrl(extra?: [string, string][]): string;
  /** `vscode-remote://` form of a local path, as the workbench's payload wants it. */
  remoteUri(localPath: string): string;
  /** Resolves when code-server exits (by itself or stopped). */
  readonly exited: Promise<number | string>;
  /** The last lines code-server printed (for failure messages). */
  outputTail(): string;
  /**
   * Resolves once every extension host code-server launched has exited (a closed window's
   * deactivates first, and may still write to the extension's storage), or after `timeoutMs`
   * with false.
   */
  extensionHostsExited(timeoutMs?: number): Promise<boolean>;
  /** Stops code-server with every process it started and removes its temporary folders. */
  stop(): Promise<void>;
}

/**
 * Leaves out variables that would make code-server act as a client of another VS Code or pick
 * another port, and the user's own AWS_* settings: the extension under test sees only what the
 * caller passes (fixtures).
 */
function cleanEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) {
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE' || k === 'PORT' || k === 'PASSWORD' || k === 'HASHED_PASSWORD' || k === 'CODE_SERVER_CONFIG' || k.startsWith('AWS_')) {
      continue;
    }
    out[k] = v;
  }
  return out;
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<RunningCodeServer> {
  const cs = await ensureCodeServer();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-code-server-'));
  const removeTmp = () => fs.rmSync(tmp, { recursive: true, force: true });
  const unregisterTmp = registerCleanup({ stop: () => Promise.resolve(removeTmp()), stopNow: removeTmp });
  let server: GroupProcess | undefined;
  try {
    const dirs = {
      userData: path.join(tmp, 'user-data'),
      extensions: path.join(tmp, 'extensions'),
      xdgConfig: path.join(tmp, 'xdg', 'config'),
      xdgData: path.join(tmp, 'xdg', 'data'),
      xdgCache: path.join(tmp, 'xdg', 'cache'),
      xdgState: path.join(tmp, 'xdg', 'state'),
      workspace: options.folder ?? path.join(tmp, 'workspace'),
    };
    for (const d of Object.values(dirs)) {
      fs.mkdirSync(d, { recursive: true });
    }
    fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
    fs.mkdirSync(path.join(dirs.userData, 'Machine'), { recursive: true });
    const { user, machine } = splitByScope({ ...CLEAN_WINDOW_SETTINGS, ...options.userSettings }, machineScopedKeys());
    fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(user, null, 2));
    fs.writeFileSync(path.join(dirs.userData, 'Machine', 'settings.json'), JSON.stringify(machine, null, 2));
    const env: NodeJS.ProcessEnv = {
      ...cleanEnvironment(process.env),
      // No extension gallery: tests and `npm start` are offline, and nothing should be fetched.
      EXTENSIONS_GALLERY: '{}',
      ...options.env,
      // Where the host tests find the settings files (to check where a setting was written).
      SAGEMAKER_TEST_USER_DATA_DIR: dirs.userData,
      // Otherwise code-server writes its config and state into the user's home folder.
      XDG_CONFIG_HOME: dirs.xdgConfig,
      XDG_DATA_HOME: dirs.xdgData,
      XDG_CACHE_HOME: dirs.xdgCache,
      XDG_STATE_HOME: dirs.xdgState,
    };
    const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
    if (options.vsix) {
      await installExtension(cs, common, options.vsix, env);
    }
    const args = [
      ...cs.args,
      '--auth', 'none',
      // Port 0: the system picks a free port, which code-server then prints.
      '--bind-addr', '127.0.0.1:0',
      ...common,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ...(options.trustedDomains ?? []).flatMap((d) => ['--link-protection-trusted-domains', d]),
      ...(options.extraArgs ?? []),
    ];
    const output: string[] = [];
    // code-server's own lines for each extension host it starts and sees end.
    const hosts = { launched: 0, exited: 0, partial: '' };
    const countHosts = (text: string) => {
      const lines = (hosts.partial + text).split('\n');
      hosts.partial = lines.pop() ?? '';
      hosts.launched += lines.filter((l) => l.includes('Launched Extension Host Process')).length;
      hosts.exited += lines.filter((l) => l.includes('Extension Host Process exited')).length;
    };
    const keep = (d: Buffer) => {
      output.push(d.toString());
      countHosts(d.toString());
      if (output.length > 200) {
        output.splice(0, output.length - 200);
      }
      if (process.env.CODE_SERVER_VERBOSE) {
        process.stderr.write(`[code-server] ${d.toString()}`);
      }
    };
    server = startGroup(cs.command, args, { env, cwd: dirs.workspace, stdio: ['ignore', 'pipe', 'pipe'] });
    server.child.stdout?.on('data', keep);
    server.child.stderr?.on('data', keep);
    const outputTail = () => output.join('').split('\n').slice(-40).join('\n');
    const port = await waitForPort(server, () => output.join(''), outputTail);
    const origin = `http://127.0.0.1:${port}`;
    await waitForHealth(origin, server, outputTail);
    const running = server;
    const remoteUri = (p: string) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
    let stopped: Promise<void> | undefined;
    return {
      origin,
      port,
      folder: dirs.workspace,
      userDataDir: dirs.userData,
      exited: running.exited,
      remoteUri,
      workbenchUrl(extra = []) {
        const q = new URLSearchParams({ folder: dirs.workspace });
        const payload: [string, string][] = [...extra];
        if (options.extensionDevelopmentPath) {
          payload.unshift(['extensionDevelopmentPath', remoteUri(options.extensionDevelopmentPath)]);
        }
        if (payload.length > 0) {
          q.set('payload', JSON.stringify(payload));
        }
        return `${origin}/?${q.toString()}`;
      },
      outputTail,
      async extensionHostsExited(timeoutMs = 15_000) {
        const deadline = Date.now() + timeoutMs;
        while (hosts.exited < hosts.launched) {
          if (Date.now() > deadline) {
            return false;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        return true;
      },
      stop() {
        stopped ??= (async () => {
          await running.stop();
          removeTmp();
          unregisterTmp();
        })();
        return stopped;
      },
    };
  } catch (e) {
    await server?.stop();
    removeTmp();
    unregisterTmp();
    throw e;
  }
}

/**
 * The extension's machine-scoped settings (package.json). code-server's window is a remote
 * window: VS Code takes machine-scoped settings there only from the remote settings file
 * (`<user-data>/Machine/settings.json`); from user settings they work at start-up and are dropped
 * at the next edit of the user settings. So they are written where VS Code reads them.
 */
export function machineScopedKeys(): Set<string> {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    contributes?: { configuration?: { properties?: Record<string, { scope?: string }> } };
  };
  const props = pkg.contributes?.configuration?.properties ?? {};
  return new Set(Object.entries(props).filter(([, p]) => p.scope === 'machine' || p.scope === 'machine-overridable').map(([k]) => k));
}

export function splitByScope(settings: Record<string, unknown>, machineKeys: Set<string>): { user: Record<string, unknown>; machine: Record<string, unknown> } {
  const user: Record<string, unknown> = {};
  const machine: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(settings)) {
    (machineKeys.has(k) ? machine : user)[k] = v;
  }
  return { user, machine };
}

async function installExtension(cs: CommandLine, common: string[], vsix: string, env: NodeJS.ProcessEnv): Promise<void> {
  if (!fs.existsSync(vsix)) {
    throw new Error(`No packaged extension at ${vsix}: run \`npm run package\` first.`);
  }
  let out = '';
  try {
    await runGroup(cs.command, [...cs.args, ...common, '--install-extension', vsix], {
      env,
      timeoutMs: 180_000,
      onOutput: (s) => (out += s),
    });
  } catch (e) {
    throw new Error(`Installing ${vsix} into code-server failed: ${(e as Error).message}\n${out}`);
  }
}

async function waitForPort(server: GroupProcess, output: () => string, tail: () => string): Promise<number> {
  const deadline = Date.now() + 120_000;
  let exit: number | string | undefined;
  void server.exited.then((c) => (exit = c));
  while (Date.now() < deadline) {
    const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output());
    if (m) {
      return Number(m[1]);
    }
    if (exit !== undefined) {
      throw new Error(`code-server exited (${exit}) before listening:\n${tail()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server did not say where it listens within 120 s:\n${tail()}`);
}

async function waitForHealth(origin: string, server: GroupProcess, tail: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exit: number | string | undefined;
  void server.exited.then((c) => (exit = c));
  while (Date.now() < deadline) {
    if (exit !== undefined) {
      throw new Error(`code-server exited (${exit}):\n${tail()}`);
    }
    try {
      const res = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server at ${origin} did not answer /healthz within 60 s:\n${tail()}`);
}

/** Runs `use` with a code-server started with `options` and a headless Chromium, and stops both after, whatever happens. */
export async function withCodeServerAndBrowser<T>(options: CodeServerOptions, use: (browser: Browser, server: RunningCodeServer) => Promise<T>): Promise<T> {
  const server = await startCodeServer(options);
  try {
    const browser = await launchChromium();
    try {
      return await use(browser, server);
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}
