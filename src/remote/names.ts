/**
 * The few names of "Connect with Remote SSH" that activation needs (where its files go, which
 * Remote-SSH extensions there are, where the user's SSH config is), apart from the code that
 * writes those files: that code loads with the commands (dist/commands.js), not on activation.
 * Plain Node (no vscode).
 */
import * as os from 'node:os';
import * as path from 'node:path';

/** The folder in the extension's global storage (see ./hostsFile.ts for what it holds). */
export const REMOTE_DIR = 'remote';
/** What each SSH host alias connects to; its presence means hosts were set up. */
export const HOSTS_FILE = 'hosts.json';

/** The app types a space can be reached over SSH with (SageMaker's remote access). */
export const REMOTE_APP_TYPES: readonly string[] = ['JupyterLab', 'CodeEditor'];

/** Suffix of a space row's contextValue when its app type cannot be reached over SSH: its menu has no "Connect with Remote SSH". */
export const NO_REMOTE_CONTEXT = '.noRemote';

/** Remote-SSH extensions that open `vscode-remote://ssh-remote+<host>` folders: Microsoft's, Cursor's, and the open one (VSCodium and other forks). */
export const REMOTE_SSH_EXTENSIONS = ['ms-vscode-remote.remote-ssh', 'anysphere.remote-ssh', 'jeanp413.open-remote-ssh'] as const;

/** The user's SSH config: Remote-SSH's `remote.SSH.configFile` when set (`~` for the home folder), else ~/.ssh/config. */
export function userSshConfigPath(configured: string | undefined, home = os.homedir()): string {
  const c = configured?.trim();
  if (!c) {
    return path.join(home, '.ssh', 'config');
  }
  return c === '~' || c.startsWith('~/') || c.startsWith('~\\') ? path.join(home, c.slice(1)) : path.resolve(c);
}
