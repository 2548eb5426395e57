/**
 * A local sshd for the Remote SSH tests: Debian's openssh-server (.ci/run installs it), started on a
 * free loopback port with a host key and an authorized key made for the test, as the current user,
 * from a config file of its own (the system's sshd and its config are not touched).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export const SSHD_CANDIDATES = ['/usr/sbin/sshd', '/usr/bin/sshd', '/usr/local/sbin/sshd'];

export interface LocalSshd {
  port: number;
  /** The private key the server accepts (ssh -i). */
  userKey: string;
  /** The user it lets in (the current one). */
  user: string;
  stop(): Promise<void>;
}

export function findSshd(): string | undefined {
  return SSHD_CANDIDATES.find((p) => fs.existsSync(p));
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForPort(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`sshd exited (${child.exitCode}): ${stderr()}`);
    }
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sshd did not listen on 127.0.0.1:${port}: ${stderr()}`);
}

export async function startSshd(dir: string): Promise<LocalSshd> {
  const sshd = findSshd();
  if (!sshd) {
    throw new Error(`No sshd found (${SSHD_CANDIDATES.join(', ')}): install Debian's openssh-server (.ci/run does when it runs as root).`);
  }
  fs.mkdirSync(dir, { recursive: true });
  const hostKey = path.join(dir, 'host_ed25519');
  const userKey = path.join(dir, 'user_ed25519');
  for (const k of [hostKey, userKey]) {
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'sagemaker-environments-test', '-f', k]);
  }
  const authorized = path.join(dir, 'authorized_keys');
  fs.copyFileSync(`${userKey}.pub`, authorized);
  fs.chmodSync(authorized, 0o600);
  const config = path.join(dir, 'sshd_config');
  fs.writeFileSync(
    config,
    [`HostKey ${hostKey}`, `AuthorizedKeysFile ${authorized}`, 'PasswordAuthentication no', 'KbdInteractiveAuthentication no', 'UsePAM no', 'StrictModes no', 'PidFile none', 'ListenAddress 127.0.0.1', ''].join('\n'),
  );
  // As root, sshd wants its privilege separation folder (the Debian package's service creates it at boot).
  if (process.getuid?.() === 0 && !fs.existsSync('/run/sshd')) {
    fs.mkdirSync('/run/sshd', { mode: 0o755 });
  }
  const port = await freePort();
  const child = spawn(sshd, ['-D', '-e', '-f', config, '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  await waitForPort(port, child, () => err);
  return {
    port,
    userKey,
    user: execFileSync('id', ['-un']).toString().trim(),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
