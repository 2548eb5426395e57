/**
 * Quoting a command line for the shell the user pastes it into. Plain Node (no vscode): the VS Code
 * layer tells which shell from the platform and the default terminal profile.
 */
import { validateProfileName } from './validation';

/** POSIX shells (bash, zsh, sh, Git Bash, WSL...), PowerShell (pwsh, Windows PowerShell) or Command Prompt. */
export type ShellKind = 'posix' | 'powershell' | 'cmd';

/** What VS Code's `terminal.integrated.profiles.<os>` says about a profile, as far as the shell goes. */
export interface TerminalProfileInfo {
  readonly path?: string | readonly string[];
  /** Windows only: 'PowerShell' or 'Git Bash', a profile VS Code locates itself. */
  readonly source?: string;
}

function baseName(p: string): string {
  return (p.split(/[\\/]/).pop() ?? p).toLowerCase().replace(/\.exe$/, '');
}

function classify(word: string): ShellKind | undefined {
  const w = word.toLowerCase();
  if (/\b(pwsh|powershell)\b/.test(w)) {
    return 'powershell';
  }
  if (w === 'cmd' || /command prompt/.test(w)) {
    return 'cmd';
  }
  if (/\b(bash|zsh|sh|dash|ksh|fish|wsl|cygwin|msys2?|git bash|ubuntu|debian)\b/.test(w)) {
    return 'posix';
  }
  return undefined;
}

/**
 * The shell of the default terminal profile: its `source`, its path's program name, then its name
 * decide; when none of them is known, the platform's default (PowerShell on Windows, else POSIX).
 */
export function shellKindFor(platform: NodeJS.Platform, profileName?: string, profile?: TerminalProfileInfo): ShellKind {
  const paths = profile?.path === undefined ? [] : typeof profile.path === 'string' ? [profile.path] : [...profile.path];
  const clues = [profile?.source, ...paths.map(baseName), profileName].filter((c): c is string => typeof c === 'string' && c.length > 0);
  for (const clue of clues) {
    const kind = classify(clue);
    if (kind) {
      return kind;
    }
  }
  return platform === 'win32' ? 'powershell' : 'posix';
}

const posixSafe = /^[A-Za-z0-9_@%+=:,./-]+$/;
// PowerShell gives meaning to a leading @ (splatting), to commas (arrays), $, backticks, braces...
const powershellSafe = /^[A-Za-z0-9_+=:./-]+$/;
// Command Prompt: what its parser and the program's argument splitting leave alone.
const cmdSafe = /^[A-Za-z0-9_+=:,./@-]+$/;

/** Quotes one word for a POSIX shell: bare when it only holds safe characters, else in single quotes. */
export function posixQuote(word: string): string {
  return posixSafe.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Quotes one word for PowerShell: single quotes, inside which nothing expands; a single quote
 * (PowerShell also takes the typographic ones for quotes) is written twice.
 */
export function powershellQuote(word: string): string {
  return powershellSafe.test(word) ? word : `'${word.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}

/**
 * Quotes one word for Command Prompt: double quotes (which keep & | < > ^ ( ) literal), with the
 * program's own rule for quotes and backslashes inside them. cmd still expands %NAME% in quotes.
 */
export function cmdQuote(word: string): string {
  if (cmdSafe.test(word)) {
    return word;
  }
  const escaped = word.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1');
  return `"${escaped}"`;
}

export function quoteFor(shell: ShellKind, word: string): string {
  switch (shell) {
    case 'powershell':
      return powershellQuote(word);
    case 'cmd':
      return cmdQuote(word);
    default:
      return posixQuote(word);
  }
}

/** One command line from its words, each quoted for `shell`. */
export function formatCommandLine(words: readonly string[], shell: ShellKind): string {
  return words.map((w) => quoteFor(shell, w)).join(' ');
}

/**
 * `aws sso login --profile NAME`, the one way this extension builds it: the name checked against
 * the characters the AWS CLI allows (throws an Error saying which) and quoted for the shell.
 */
export function ssoLoginCommand(profile: string): string {
  const problem = validateProfileName(profile);
  if (problem !== undefined) {
    throw new Error(`The profile name cannot be passed to aws sso login: ${problem}`);
  }
  return ['aws', 'sso', 'login', '--profile', profile].map(posixQuote).join(' ');
}
