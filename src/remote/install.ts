/**
 * The connect helper's home in the extension's global storage, and the ProxyCommand that runs it.
 * Plain Node (no vscode), so it is tested as is.
 *
 * Why a copy and a launcher there, rather than the install folder's dist/connect.js: an SSH host
 * entry outlives the extension version that wrote it. The global storage folder is the same for
 * every version of the extension, while the install folder changes with each update (the old one
 * is deleted). So the entry names only global storage: a launcher (connect.sh, or connect.cmd on
 * Windows) that runs a copy of the helper (connect.js, self-contained: it bundles the SDK it uses)
 * with the runtime VS Code runs extensions on (`process.execPath`, as Node through
 * ELECTRON_RUN_AS_NODE; else `node` from the PATH if that runtime has gone). The copy and the
 * launcher are rewritten by every connect and when the extension activates, so after an update
 * they are the new version's, and until then the old copy goes on working.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HELPER_FILE, writeFileAtomic } from './hostsFile';

export type Platform = NodeJS.Platform;

/** POSIX shell single quotes: safe for any byte but NUL. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A cmd.exe argument in a .cmd file: double quotes, `%` doubled (else it expands a variable). Windows paths cannot hold `"`. */
export function cmdQuote(s: string): string {
  if (/["\r\n]/.test(s)) {
    throw new Error(`A path with a double quote or a line break cannot be used in a Windows command: ${JSON.stringify(s)}`);
  }
  return `"${s.replace(/%/g, '%%')}"`;
}

/** ssh expands `%h`, `%p`… in ProxyCommand: a literal `%` is written `%%`. */
export function sshPercentEscape(s: string): string {
  return s.replace(/%/g, '%%');
}

export function launcherName(platform: Platform): string {
  return platform === 'win32' ? 'connect.cmd' : 'connect.sh';
}

/** The launcher's text: runs the helper beside it with `runtime` (as Node), else `node`, passing the arguments on. */
export function launcherText(platform: Platform, dir: string, runtime: string): string {
  const helper = path.join(dir, HELPER_FILE);
  if (platform === 'win32') {
    return [
      '@echo off',
      'rem Written by SageMaker Environments (Connect with Remote SSH): runs its connect helper for an SSH ProxyCommand.',
      'setlocal',
      'set "ELECTRON_RUN_AS_NODE=1"',
      `set RUNTIME=${cmdQuote(runtime)}`,
      'if not exist %RUNTIME% set RUNTIME=node',
      `%RUNTIME% ${cmdQuote(helper)} %*`,
      '',
    ].join('\r\n');
  }
  return [
    '#!/bin/sh',
    '# Written by SageMaker Environments (Connect with Remote SSH): runs its connect helper for an SSH ProxyCommand.',
    `runtime=${shQuote(runtime)}`,
    '[ -x "$runtime" ] || runtime=node',
    `ELECTRON_RUN_AS_NODE=1 exec "$runtime" ${shQuote(helper)} "$@"`,
    '',
  ].join('\n');
}

/** The ProxyCommand line of a host entry: the launcher with the alias (letters, digits, '-' and '.': nothing to quote). */
export function proxyCommand(platform: Platform, dir: string, alias: string): string {
  const launcher = path.join(dir, launcherName(platform));
  return platform === 'win32' ? `${sshPercentEscape(cmdQuote(launcher))} ${alias}` : `/bin/sh ${sshPercentEscape(shQuote(launcher))} ${alias}`;
}

/**
 * Copies the helper (`helperSource`, the install folder's dist/connect.js) into `dir` and writes
 * the launcher; both only when their content changed. Returns the launcher's path.
 */
export function installHelper(dir: string, helperSource: string, runtime: string, platform: Platform = process.platform): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const helper = fs.readFileSync(helperSource);
  const target = path.join(dir, HELPER_FILE);
  const current = fs.existsSync(target) ? fs.readFileSync(target) : undefined;
  if (!current?.equals(helper)) {
    writeFileAtomic(target, helper.toString('utf8'));
  }
  const launcher = path.join(dir, launcherName(platform));
  const text = launcherText(platform, dir, runtime);
  if (!fs.existsSync(launcher) || fs.readFileSync(launcher, 'utf8') !== text) {
    writeFileAtomic(launcher, text);
  }
  return launcher;
}
