/**
 * What "Connect with Remote SSH" needs on this machine, found before anything changes: an `ssh`
 * client, the Session Manager plugin, and (for a window over SSH) a Remote-SSH extension. Each
 * missing one is named with where to get it. Plain Node (no vscode): the extension's ids and the
 * setting's value are passed in.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export { REMOTE_SSH_EXTENSIONS } from './names';

export const PLUGIN_INSTALL_URL = 'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-working-with-install-plugin.html';
export const SSH_INSTALL_HELP: Readonly<Record<string, string>> = {
  linux: 'Install your distribution\'s OpenSSH client (e.g. "sudo apt-get install openssh-client").',
  darwin: 'macOS includes ssh in /usr/bin; if it is missing, reinstall the Command Line Tools ("xcode-select --install").',
  win32: 'Add Windows\' "OpenSSH Client" optional feature (Settings > System > Optional features).',
};

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** A program on the PATH (with Windows' PATHEXT), or undefined. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const pathVar = platform === 'win32' ? (env.Path ?? env.PATH ?? '') : (env.PATH ?? '');
  const exts = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean) : [''];
  const sep = platform === 'win32' ? ';' : ':';
  for (const dir of pathVar.split(sep).filter(Boolean)) {
    for (const ext of exts) {
      const candidate = path.join(dir.replace(/^"(.*)"$/, '$1'), name + ext.toLowerCase());
      if (isFile(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

/** Where the Session Manager plugin's installers put it, per platform. */
export function pluginInstallFolders(platform: NodeJS.Platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'win32') {
    const pf = env.ProgramFiles ?? 'C:\\Program Files';
    return [path.win32.join(pf, 'Amazon', 'SessionManagerPlugin', 'bin', 'session-manager-plugin.exe')];
  }
  const common = ['/usr/local/sessionmanagerplugin/bin/session-manager-plugin', '/usr/local/bin/session-manager-plugin', '/usr/bin/session-manager-plugin'];
  return platform === 'darwin' ? [...common, '/opt/homebrew/bin/session-manager-plugin'] : common;
}

export function findSsh(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const onPath = findOnPath('ssh', env, platform);
  if (onPath || platform !== 'win32') {
    return onPath;
  }
  const builtIn = path.win32.join(env.SystemRoot ?? 'C:\\Windows', 'System32', 'OpenSSH', 'ssh.exe');
  return isFile(builtIn) ? builtIn : undefined;
}

export type PluginLookup = { found: string; from: 'setting' | 'PATH' | 'install folder' } | { problem: string };

/** The plugin: the setting if set (it must be a file), else the PATH, else its usual install folders. */
export function findPlugin(setting: string | undefined, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): PluginLookup {
  const configured = setting?.trim();
  if (configured) {
    if (!path.isAbsolute(configured)) {
      return { problem: `The setting sagemaker.remote.sessionManagerPluginPath must be an absolute path to session-manager-plugin; it is "${configured}".` };
    }
    return isFile(configured) ? { found: configured, from: 'setting' } : { problem: `The setting sagemaker.remote.sessionManagerPluginPath names "${configured}", which is not a file.` };
  }
  const onPath = findOnPath('session-manager-plugin', env, platform);
  if (onPath) {
    return { found: onPath, from: 'PATH' };
  }
  const installed = pluginInstallFolders(platform, env).find(isFile);
  if (installed) {
    return { found: installed, from: 'install folder' };
  }
  return {
    problem: `The AWS Session Manager plugin (session-manager-plugin) was not found on the PATH nor in ${pluginInstallFolders(platform, env).join(', ')}. Install it (${PLUGIN_INSTALL_URL}), or set sagemaker.remote.sessionManagerPluginPath to where it is.`,
  };
}
