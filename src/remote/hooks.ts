/**
 * What "Connect with Remote SSH" needs from VS Code beyond the services every command has: where
 * its files go, the helper shipped with this version, and the few things it asks of the window
 * (is it remote, which Remote-SSH extension is there, open a folder, run in a terminal). One
 * object, so the extension-host tests can answer the window's part from a script (as they do
 * the prompter's) while everything else runs for real.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { HOSTS_FILE, REMOTE_DIR, REMOTE_SSH_EXTENSIONS, userSshConfigPath } from './names';

export interface RemoteHooks {
  /** `<global storage>/remote`: the host file, hosts.json, the helper's copy, its launcher and log. */
  readonly storageDir: string;
  /** This version's helper (dist/connect.js of the install folder). */
  readonly helperSource: string;
  /** The runtime the launcher runs the helper with (VS Code's own, as Node). */
  readonly runtime: string;
  /** The extension's global state (the answer to "add the Include line?"). */
  readonly state: vscode.Memento;
  /** The user's SSH config: Remote-SSH's `remote.SSH.configFile` (user settings only: we write a line into it), else ~/.ssh/config. */
  sshConfigPath: () => string;
  /** vscode.env.remoteName: set when this window's extensions run on another machine (SSH, WSL, code-server…). */
  remoteName: () => string | undefined;
  /** The id of an installed Remote-SSH extension, if any. */
  remoteSshExtension: () => string | undefined;
  /** Opens the folder in a new window. */
  openFolder: (uri: vscode.Uri) => Promise<void>;
  /** Runs `command` in a new terminal named `name`. */
  runInTerminal: (name: string, command: string) => void;
}

export function remoteHooks(context: vscode.ExtensionContext): RemoteHooks {
  return {
    storageDir: path.join(context.globalStorageUri.fsPath, REMOTE_DIR),
    helperSource: path.join(context.extensionPath, 'dist', 'connect.js'),
    runtime: process.execPath,
    state: context.globalState,
    sshConfigPath: () => userSshConfigPath(vscode.workspace.getConfiguration('remote.SSH').inspect<string>('configFile')?.globalValue),
    remoteName: () => vscode.env.remoteName,
    remoteSshExtension: () => REMOTE_SSH_EXTENSIONS.find((id) => vscode.extensions.getExtension(id) !== undefined),
    openFolder: async (uri) => {
      await vscode.commands.executeCommand('vscode.openFolder', uri, { forceNewWindow: true });
    },
    runInTerminal: (name, command) => {
      const terminal = vscode.window.createTerminal({ name });
      terminal.show();
      terminal.sendText(command);
    },
  };
}

/**
 * On activation, when hosts were set up before: the helper's copy and the launcher become this
 * version's (an update, or VS Code moved), and the host file is rewritten to match. After the
 * activation's own work, and only then is the code that does it loaded (`refresh`: with the
 * commands, dist/commands.js); a failure is logged, and the next connect tries again.
 */
export function refreshInstalledHelper(hooks: RemoteHooks, refresh: (dir: string, helperSource: string, runtime: string) => void, onError: (e: unknown) => void): void {
  setTimeout(() => {
    try {
      if (fs.existsSync(path.join(hooks.storageDir, HOSTS_FILE))) {
        refresh(hooks.storageDir, hooks.helperSource, hooks.runtime);
      }
    } catch (e) {
      onError(e);
    }
  }, 2000).unref?.();
}
