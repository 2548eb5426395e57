/**
 * Quoting a command line for the shell the user pastes it into. Plain Node (no vscode): the VS Code
 * layer tells which shell from the platform and the default terminal profile.
 */
import { EXPECTED } from './errors';
import { quoteValue } from './quoteValue';
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

/** A value the shell cannot be given safely; the message names it (short) and why. */
export class CommandLineError extends Error {
  override readonly name = 'CommandLineError';
  readonly expected = EXPECTED;
}

// zsh expands a word that starts with "=" (=cmd is the program's path): such a word is quoted.
const posixSafe = /^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/;
// PowerShell gives meaning to a leading @ (splatting), to commas (arrays), $, backticks, braces...;
// a bare word that looks like a number (1e3, 0x10, 1kb) becomes one, and one that starts with "-"
// and holds "." or ":" is split in two before a program sees it: those are quoted too.
const powershellSafe = /^(?:[0-9]+|[A-Za-z_/][A-Za-z0-9_+=:./-]*|--?[a-z][a-z0-9-]*)$/;
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
 * program's rule for backslashes before the closing quote. What cmd cannot carry in quotes (a `"`,
 * which ends them whatever precedes it; `%` and `!`, expanded even inside them) is refused first.
 */
export function cmdQuote(word: string): string {
  if (cmdSafe.test(word)) {
    return word;
  }
  return `"${word.replace(/(\\+)$/, '$1$1')}"`;
}

/** Why `shell` cannot be given `word` safely (the rules of its parser), or undefined. */
export function unsafeFor(shell: ShellKind, word: string): string | undefined {
  if (/(?!\t)[\p{Cc}\u2028\u2029]/u.test(word)) {
    return 'it holds a line break or control character, and a command line is one line';
  }
  if (shell === 'cmd') {
    if (word.includes('"')) {
      return 'Command Prompt cannot quote a double quote (it ends the quotes, whatever comes before it)';
    }
    if (/[%!]/.test(word)) {
      return 'Command Prompt expands %…% and !…! even inside quotes';
    }
  }
  if (shell === 'powershell') {
    // Windows PowerShell 5.1 passes arguments to programs without escaping their double quotes,
    // drops an empty one, and quotes one with spaces so that a trailing backslash escapes the quote.
    if (word.includes('"')) {
      return 'Windows PowerShell passes a double quote to programs unescaped';
    }
    if (word === '') {
      return 'Windows PowerShell drops an empty argument';
    }
    if (/\s/.test(word) && word.endsWith('\\')) {
      return 'Windows PowerShell passes a value with spaces that ends in a backslash wrongly';
    }
  }
  return undefined;
}

/**
 * Quotes one word for `shell`; throws CommandLineError for a word it cannot be given safely, naming
 * the value (and its option, when given) and why.
 */
export function quoteFor(shell: ShellKind, word: string, option?: string): string {
  const problem = unsafeFor(shell, word);
  if (problem !== undefined) {
    const what = option ? `The value of ${option}, ${quoteValue(word)},` : quoteValue(word);
    throw new CommandLineError(
      `${what} cannot be written safely for ${SHELL_LABELS[shell]}: ${problem}. Change the value, or make another shell the default terminal (terminal.integrated.defaultProfile).`,
    );
  }
  switch (shell) {
    case 'powershell':
      return powershellQuote(word);
    case 'cmd':
      return cmdQuote(word);
    default:
      return posixQuote(word);
  }
}

const SHELL_LABELS: Record<ShellKind, string> = { posix: 'a POSIX shell', powershell: 'PowerShell', cmd: 'Command Prompt' };

/**
 * One command line from its words, each quoted for `shell`. A value the shell cannot carry safely
 * throws a CommandLineError naming its option (`--landing-uri`) and the value.
 */
export function formatCommandLine(words: readonly string[], shell: ShellKind): string {
  return words.map((w, i) => quoteFor(shell, w, words[i - 1]?.startsWith('--') ? words[i - 1] : undefined)).join(' ');
}

/** The words of `aws sso login --profile NAME`, the name checked against the characters the AWS CLI allows (throws an Error saying which). */
export function ssoLoginWords(profile: string): string[] {
  const problem = validateProfileName(profile);
  if (problem !== undefined) {
    throw new Error(`The profile name cannot be passed to aws sso login: ${problem}`);
  }
  return ['aws', 'sso', 'login', '--profile', profile];
}

/**
 * `aws sso login --profile NAME`, the one way this extension builds it: the name checked and
 * quoted for `shell` (POSIX, for a message).
 */
export function ssoLoginCommand(profile: string, shell: ShellKind = 'posix'): string {
  return formatCommandLine(ssoLoginWords(profile), shell);
}
