/**
 * SSH configuration for "Connect with Remote SSH". The extension owns one file of host entries (in
 * its global storage), generated whole from hosts.json; the user's SSH config gets one `Include`
 * line for it (after the user agreed, see src/remote/connect.ts), at the top, because an Include
 * inside a `Host` block would apply to that host only. Nothing else in the user's file is touched,
 * and removing our file undoes it (ssh ignores an Include whose file is not there).
 * Plain Node (no vscode).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HOSTS_FILE, readHosts, SSH_CONFIG_FILE, writeFileAtomic, type RemoteHost } from './hostsFile';
import { installHelper, proxyCommand, type Platform } from './install';

/** The comment line above our Include line: how a reader of the file knows what it is, and how to undo it. */
export const INCLUDE_COMMENT = '# SageMaker Environments: SSH hosts of its spaces ("Connect with Remote SSH"). Delete this line and the next to undo.';

export { userSshConfigPath } from './names';

/** `Include "<file>"`: the absolute path, with forward slashes (ssh reads `\` as an escape), quoted for spaces. */
export function includeLine(file: string): string {
  if (!path.isAbsolute(file) || /["\r\n]/.test(file)) {
    throw new Error(`The SSH host file must be an absolute path without double quotes or line breaks: ${JSON.stringify(file)}`);
  }
  return `Include "${file.replace(/\\/g, '/')}"`;
}

function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** Whether the user's config text already Includes our file (our line, as written by addInclude). */
export function hasInclude(text: string, file: string): boolean {
  const line = includeLine(file);
  return lines(text).some((l) => l.trim() === line);
}

/**
 * Adds our comment and Include line at the top of the user's SSH config, creating the file (and
 * ~/.ssh) if there is none; every other byte stays as it was. Returns false when it was already there.
 */
export function addInclude(configPath: string, file: string): boolean {
  let text = '';
  try {
    text = fs.readFileSync(configPath, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw e;
    }
  }
  if (hasInclude(text, file)) {
    return false;
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  fs.mkdirSync(path.dirname(configPath), { recursive: true, mode: 0o700 });
  const added = `${INCLUDE_COMMENT}${eol}${includeLine(file)}${eol}${text.length > 0 ? eol : ''}`;
  const existing = fs.existsSync(configPath);
  // The user's file keeps its mode (ssh refuses a config others can write); a new one is private.
  const mode = existing ? fs.statSync(configPath).mode & 0o777 : 0o600;
  fs.writeFileSync(configPath, added + text, { mode });
  return true;
}

/** Removes exactly what addInclude added (the comment, the Include line and the blank line after them). Returns false when there was nothing. */
export function removeInclude(configPath: string, file: string): boolean {
  if (!fs.existsSync(configPath)) {
    return false;
  }
  const text = fs.readFileSync(configPath, 'utf8');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const head = `${INCLUDE_COMMENT}${eol}${includeLine(file)}${eol}`;
  let next = text;
  if (text.startsWith(`${head}${eol}`)) {
    next = text.slice(head.length + eol.length);
  } else if (text.includes(head)) {
    next = text.replace(head, '');
  } else {
    return false;
  }
  fs.writeFileSync(configPath, next);
  return true;
}

/** One host entry. The SSM session authenticates the space (TLS to AWS, a session for that app only), and a space's host key changes whenever its app restarts: so no known_hosts for it. */
export function hostEntry(alias: string, host: RemoteHost, command: string, platform: Platform): string {
  return [
    `# ${host.spaceName} in domain ${host.domainId} (${host.region})${host.profile ? `, profile ${host.profile}` : ''}`,
    `Host ${alias}`,
    '  User sagemaker-user',
    `  ProxyCommand ${command}`,
    '  StrictHostKeyChecking no',
    `  UserKnownHostsFile ${platform === 'win32' ? 'NUL' : '/dev/null'}`,
    '  ServerAliveInterval 30',
    '',
  ].join('\n');
}

/** Our whole ssh_config, from hosts.json: one entry per alias, sorted. */
export function sshConfigText(dir: string, platform: Platform): string {
  const { hosts } = readHosts(path.join(dir, HOSTS_FILE));
  const entries = Object.keys(hosts)
    .sort()
    .map((alias) => hostEntry(alias, hosts[alias], proxyCommand(platform, dir, alias), platform));
  return ['# Written by SageMaker Environments ("Connect with Remote SSH"); rewritten whole on each connect: do not edit.', '', ...entries].join('\n');
}

/** Records `alias` in hosts.json and rewrites ssh_config from it. Returns the ssh_config path. */
export function setHost(dir: string, alias: string, host: RemoteHost, platform: Platform = process.platform): string {
  const file = path.join(dir, HOSTS_FILE);
  const hosts = readHosts(file);
  hosts.hosts[alias] = host;
  writeFileAtomic(file, `${JSON.stringify(hosts, null, 2)}\n`);
  return rewriteSshConfig(dir, platform);
}

/** Rewrites ssh_config from hosts.json (e.g. after an update moved the launcher's runtime). */
export function rewriteSshConfig(dir: string, platform: Platform = process.platform): string {
  const target = path.join(dir, SSH_CONFIG_FILE);
  writeFileAtomic(target, sshConfigText(dir, platform));
  return target;
}

/**
 * On activation: when hosts were set up before (hosts.json is there), the helper's copy and the
 * launcher become this version's (after an update, or when VS Code's runtime moved) and the host
 * file is rewritten to match. Returns whether there was anything to refresh.
 */
export function refreshInstall(dir: string, helperSource: string, runtime: string, platform: Platform = process.platform): boolean {
  if (!fs.existsSync(path.join(dir, HOSTS_FILE)) || !fs.existsSync(helperSource)) {
    return false;
  }
  installHelper(dir, helperSource, runtime, platform);
  rewriteSshConfig(dir, platform);
  return true;
}
