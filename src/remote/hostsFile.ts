/**
 * The files of "Connect with Remote SSH" in the extension's global storage, and the hosts file both
 * sides read: the extension writes what each SSH host alias connects to; the connect helper
 * (./helper/connect.ts), run by ssh's ProxyCommand, reads it. Plain Node (no vscode): the helper is
 * bundled on its own into dist/connect.js.
 *
 * The folder (`<global storage>/remote/`):
 *   ssh_config    the host entries (the user's SSH config Includes this file)
 *   hosts.json    what each alias connects to (no credential: a profile name, never a key)
 *   connect.js    a copy of the helper shipped with the extension (dist/connect.js)
 *   connect.sh / connect.cmd   the launcher the entries' ProxyCommand runs
 *   connect.log   the helper's short log (never a token or a credential)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export { REMOTE_DIR, HOSTS_FILE } from './names';
export const SSH_CONFIG_FILE = 'ssh_config';
export const HELPER_FILE = 'connect.js';
export const LOG_FILE = 'connect.log';

/** What one host alias connects to. */
export interface RemoteHost {
  region: string;
  domainId: string;
  spaceName: string;
  /** The space's app ARN, StartSession's ResourceIdentifier. */
  appArn: string;
  /** The AWS profile the tree uses; absent: the default credential chain. */
  profile?: string;
  /** A custom SageMaker endpoint (sagemaker.endpointUrl), if set. */
  endpointUrl?: string;
  /** The Session Manager plugin to run (found when the host was set up). */
  pluginPath: string;
}

export interface HostsFile {
  version: 1;
  hosts: Record<string, RemoteHost>;
}

/** The alias of a space: `sagemaker.<region>.<domain id>.<space name>` (a contract: docs/architecture.md, "Names"). */
export function hostAlias(region: string, domainId: string, spaceName: string): string {
  return `sagemaker.${region}.${domainId}.${spaceName}`;
}

/** Aliases are made of region, domain id and space name only: letters, digits, '-' and '.'. */
export const ALIAS_PATTERN = /^sagemaker\.[a-z0-9-]+\.d-[a-z0-9]+\.[a-zA-Z0-9-]+$/;

export function readHosts(file: string): HostsFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      return { version: 1, hosts: {} };
    }
    throw e;
  }
  const parsed = JSON.parse(text) as Partial<HostsFile> | null;
  if (!parsed || parsed.version !== 1 || typeof parsed.hosts !== 'object' || parsed.hosts === null) {
    throw new Error(`${file} is not a hosts file of this extension (version 1).`);
  }
  return { version: 1, hosts: parsed.hosts };
}

/** Written whole to a temporary file, then renamed: a helper starting meanwhile reads the old or the new file, never half of one. */
export function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.renameSync(tmp, file);
}
