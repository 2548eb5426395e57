/**
 * Open Recent's list, in the extension's global state: the environments last opened or copied,
 * most recent first, at most MAX_RECENT. Names and IDs only (never a URL, never a credential), and
 * the AWS credentials they were opened with (the profile really used, or which keys), so an entry
 * of other credentials can say so.
 */
import type * as vscode from 'vscode';
import { credentialsId, type CredentialsInUse } from '../aws/index';
import { checkRef, cleanRef, refKey, type DisplayNames, type EnvRef } from '../links/kinds';

export const RECENT_STATE_KEY = 'sagemaker.recent';
export const MAX_RECENT = 20;

export interface RecentEntry {
  readonly ref: EnvRef;
  readonly names: DisplayNames;
  /**
   * The AWS profile it was opened with: the setting's, else AWS_PROFILE's, else "default"
   * (entries of earlier builds: undefined, the default chain, taken as "default").
   */
  readonly awsProfile?: string;
  /** Opened with the environment's keys: credentialsInUse().keys, a hash of AWS_ACCESS_KEY_ID (no profile then). */
  readonly awsKeys?: string;
  /** When it was last opened or copied (ms since the epoch). */
  readonly at: number;
  /** 'remoteSsh': connected with Remote SSH (its own entry, beside the space opened in the browser). */
  readonly via?: 'remoteSsh';
}

/** Keeps only well-formed entries: the state may come from an older or newer version. */
function isEntry(v: unknown): v is RecentEntry {
  if (typeof v !== 'object' || v === null) {
    return false;
  }
  const e = v as Partial<RecentEntry>;
  return (
    typeof e.ref === 'object' &&
    e.ref !== null &&
    checkRef(e.ref) === undefined &&
    typeof e.at === 'number' &&
    (e.awsProfile === undefined || typeof e.awsProfile === 'string') &&
    (e.awsKeys === undefined || typeof e.awsKeys === 'string') &&
    (e.via === undefined || (e.via === 'remoteSsh' && e.ref.kind === 'space')) &&
    (e.names === undefined || typeof e.names === 'object')
  );
}

function cleanNames(n: DisplayNames | undefined): DisplayNames {
  const out: { domainName?: string; displayName?: string } = {};
  if (typeof n?.domainName === 'string' && n.domainName) {
    out.domainName = n.domainName;
  }
  if (typeof n?.displayName === 'string' && n.displayName) {
    out.displayName = n.displayName;
  }
  return out;
}

/** The credentials of an entry, as credentialsId() names them. */
export function entryCredentials(e: Pick<RecentEntry, 'awsProfile' | 'awsKeys'>): string {
  return credentialsId({ profile: e.awsProfile, keys: e.awsKeys });
}

const entryKey = (e: Pick<RecentEntry, 'ref' | 'awsProfile' | 'awsKeys' | 'via'>): string => JSON.stringify([refKey(e.ref), entryCredentials(e), ...(e.via ? [e.via] : [])]);

export class RecentList {
  constructor(private readonly state: vscode.Memento) {}

  /** Most recent first. */
  entries(): RecentEntry[] {
    const raw = this.state.get<unknown>(RECENT_STATE_KEY, []);
    return Array.isArray(raw) ? raw.filter(isEntry).map((e) => ({ ...e, names: cleanNames(e.names) })) : [];
  }

  /** Puts the environment first (once per environment and credentials) and keeps the newest MAX_RECENT. */
  async record(ref: EnvRef, names: DisplayNames, credentials: CredentialsInUse, at = Date.now(), via?: RecentEntry['via']): Promise<void> {
    const base = credentials.keys !== undefined ? { ref: cleanRef(ref), awsKeys: credentials.keys } : { ref: cleanRef(ref), awsProfile: credentials.profile ?? 'default' };
    const fresh = via ? { ...base, via } : base;
    const key = entryKey(fresh);
    const all = this.entries();
    // A link knows IDs only: keep the names an earlier open from the tree learnt.
    const known = all.find((e) => entryKey(e) === key)?.names;
    const entry: RecentEntry = { ...fresh, names: { ...known, ...cleanNames(names) }, at };
    const rest = all.filter((e) => entryKey(e) !== key);
    await this.state.update(RECENT_STATE_KEY, [entry, ...rest].slice(0, MAX_RECENT));
  }

  async remove(entry: Pick<RecentEntry, 'ref' | 'awsProfile' | 'awsKeys' | 'via'>): Promise<void> {
    const key = entryKey(entry);
    await this.state.update(RECENT_STATE_KEY, this.entries().filter((e) => entryKey(e) !== key));
  }

  async clear(): Promise<void> {
    await this.state.update(RECENT_STATE_KEY, undefined);
  }
}
