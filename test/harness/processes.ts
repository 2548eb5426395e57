import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { registerCleanup } from './cleanup';

export interface CommandLine {
  command: string;
  args: string[];
}

/** npm itself: the one running us (npm_execpath) when there is one, else `npm` on PATH. */
export function npmCommand(): CommandLine {
  const execPath = process.env.npm_execpath;
  if (execPath && /npm-cli\.js$/.test(execPath)) {
    return { command: process.execPath, args: [execPath] };
  }
  return { command: 'npm', args: [] };
}

/**
 * A child process started in its own process group (setsid), so that stopping it also stops
 * everything it started: code-server's extension hosts and file watchers otherwise outlive it.
 */
export interface GroupProcess {
  readonly child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) when the leader exits. */
  readonly exited: Promise<number | string>;
  /** SIGTERM to the whole group, SIGKILL after `graceMs`; idempotent. */
  stop(graceMs?: number): Promise<void>;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function startGroup(command: string, args: string[], options: SpawnOptions = {}): GroupProcess {
  const child = spawn(command, args, { ...options, detached: true });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    child.once('error', (e) => resolve(`spawn error: ${e.message}`));
  });
  const pid = child.pid;
  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 5000): Promise<void> => {
    stopping ??= (async () => {
      if (pid === undefined) {
        return;
      }
      killGroup(pid, 'SIGTERM');
      const deadline = Date.now() + graceMs;
      while (groupAlive(pid) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      // Members that ignore SIGTERM (or the leader's orphans) are killed outright.
      killGroup(pid, 'SIGKILL');
      unregister();
    })();
    return stopping;
  };
  const unregister = registerCleanup({
    stop: () => stop(),
    stopNow: () => {
      if (pid !== undefined) {
        killGroup(pid, 'SIGKILL');
      }
    },
  });
  return { child, exited, stop };
}

/** Runs a command to completion in its own group; rejects on a non-zero exit or a timeout. */
export async function runGroup(
  command: string,
  args: string[],
  options: SpawnOptions & { timeoutMs: number; onOutput?: (chunk: string) => void },
): Promise<void> {
  const { timeoutMs, onOutput, ...spawnOptions } = options;
  const p = startGroup(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...spawnOptions });
  p.child.stdout?.on('data', (d: Buffer) => onOutput?.(d.toString()));
  p.child.stderr?.on('data', (d: Buffer) => onOutput?.(d.toString()));
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await Promise.race([
      p.exited,
      new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve(`timed out after ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
      }),
    ]);
    if (result !== 0) {
      throw new Error(`${command} ${args.join(' ')} failed: ${typeof result === 'number' ? `exit code ${result}` : result}`);
    }
  } finally {
    clearTimeout(timer);
    await p.stop(2000);
  }
}
