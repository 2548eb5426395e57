import type { Log } from './log';
import type { Session } from './session';
import { SettingsError, readAwsSettings } from './settings';
import type { ResourceTreeProvider } from './tree/provider';

/**
 * Keeps the tree on the connection the settings name. The tree and the commands must use one
 * connection: in a remote window (code-server, Remote-SSH) VS Code can drop a machine-scoped
 * setting put in user settings at the next edit of those settings, without a change event that
 * names it. So the effective settings are compared with the connection in use on every
 * configuration change and before every command, and the tree reloads whenever they differ.
 */
export class ConnectionWatch {
  /** The (profile, regions, endpoint) the tree was built for; an invalid setting has its own key. */
  private inUse: string;

  constructor(
    private readonly session: Session,
    private readonly tree: ResourceTreeProvider,
    private readonly log: Log,
  ) {
    this.inUse = effectiveConnectionKey();
  }

  /** Reloads the tree if the effective settings name another connection than the one in use; true if it did. */
  check(why: string): boolean {
    const now = effectiveConnectionKey();
    if (now === this.inUse) {
      return false;
    }
    this.inUse = now;
    this.log.info(`Connection settings changed (${why}): ${describeKey(now)}. Reloading the tree.`);
    this.session.reset();
    // That connection's last-known tree (if kept) shows while its lists load; never another's.
    this.tree.refresh({ lastKnown: true });
    return true;
  }
}

/** The connection the settings name now, as one string to compare. */
export function effectiveConnectionKey(): string {
  try {
    const s = readAwsSettings();
    return JSON.stringify({ profile: s.profile ?? null, regions: s.regions ?? null, endpointUrl: s.endpointUrl ?? null });
  } catch (e) {
    return JSON.stringify({ invalid: e instanceof SettingsError ? e.message : String(e) });
  }
}

function describeKey(key: string): string {
  const k = JSON.parse(key) as { profile?: string | null; regions?: string[] | null; endpointUrl?: string | null; invalid?: string };
  if (k.invalid !== undefined) {
    return 'a setting is invalid';
  }
  return `profile ${k.profile ?? '(default chain)'}, regions ${k.regions?.join(', ') ?? '(from profile)'}, endpoint ${k.endpointUrl ?? '(AWS)'}`;
}
