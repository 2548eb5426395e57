import * as vscode from 'vscode';
import { shellKindFor, type ShellKind, type TerminalProfileInfo } from './aws/index';

const OS_KEY: Partial<Record<NodeJS.Platform, string>> = { win32: 'windows', darwin: 'osx', linux: 'linux' };

/**
 * The shell a copied command is pasted into: VS Code's default terminal profile for this platform
 * (`terminal.integrated.defaultProfile.<os>`, looked up in `terminal.integrated.profiles.<os>`),
 * else the platform's default shell.
 */
export function currentShell(platform: NodeJS.Platform = process.platform): ShellKind {
  const os = OS_KEY[platform] ?? 'linux';
  const terminal = vscode.workspace.getConfiguration('terminal.integrated');
  const name = terminal.get<unknown>(`defaultProfile.${os}`);
  const profileName = typeof name === 'string' && name ? name : undefined;
  const profiles = terminal.get<unknown>(`profiles.${os}`);
  let info: TerminalProfileInfo | undefined;
  if (profileName && typeof profiles === 'object' && profiles !== null) {
    const p = (profiles as Record<string, unknown>)[profileName];
    if (typeof p === 'object' && p !== null) {
      const { path, source } = p as { path?: unknown; source?: unknown };
      info = {
        path: typeof path === 'string' || (Array.isArray(path) && path.every((x) => typeof x === 'string')) ? (path) : undefined,
        source: typeof source === 'string' ? source : undefined,
      };
    }
  }
  return shellKindFor(platform, profileName, info);
}

export const SHELL_NAMES: Record<ShellKind, string> = { posix: 'POSIX shell', powershell: 'PowerShell', cmd: 'Command Prompt' };
