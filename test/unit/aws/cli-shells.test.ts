/**
 * Every command line we quote, read back by the rules of the shell it claims to be for: POSIX in
 * real `bash` and `dash`; Command Prompt and Windows PowerShell 5.1 (not on this machine) by models
 * of their documented rules, over a table of hostile values. A value is either read back exactly as
 * it was, or refused with a message that names it.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  CommandLineError,
  domainUrlInvocation,
  formatCommandLine,
  quoteFor,
  quoteValue,
  ssoLoginCommand,
  toCommandLine,
  validateLandingUri,
  type ShellKind,
} from '../../../src/aws/index';

const HOSTILE = [
  'app:JupyterLab:lab/tree/x"&calc&"',
  'app:JupyterLab:lab/tree/%CD%',
  'lab/tree/%USERNAME%x',
  '!PATH!',
  'a&b', 'a|b', 'x^y', '(x)', '<in', '>out', 'a;b',
  '$(id)', '`id`', '${HOME}', "it's", 'it\u2019s', '@dev', 'a,b', '$env:HOME', '{a,b}', '*', '~', '#x', '=cmd',
  '-foo.bar', '-x:y', '1e3', '0x10', '1kb', '+5', '.5',
  'two words', 'tab\there', 'back\\slash', 'dir\\', 'with space\\', 'say "hi"', 'quote"d', '',
  'line\nbreak', 'cr\rx', 'bell\x07', 'u\u2028v',
  'arn:aws:sagemaker:us-east-1:123456789012:mlflow-app/app-ABC', 'http://127.0.0.1:4566', 'app:JupyterLab:lab/tree/work%20dir', 'studio::', 'team/dev.admin@acme+1=a,b:c_d',
];

/** The program's own argument splitting on Windows (CommandLineToArgvW / the C runtime, 2008 and later). */
function windowsArgv(line: string): string[] {
  const args: string[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') {
      i++;
    }
    if (i >= line.length) {
      return args;
    }
    let arg = '';
    let quoted = false;
    while (i < line.length && (quoted || (line[i] !== ' ' && line[i] !== '\t'))) {
      const c = line[i];
      if (c === '\\') {
        let n = 0;
        while (line[i] === '\\') {
          n++;
          i++;
        }
        if (line[i] === '"') {
          arg += '\\'.repeat(Math.floor(n / 2));
          if (n % 2 === 1) {
            arg += '"';
            i++;
          }
        } else {
          arg += '\\'.repeat(n);
        }
      } else if (c === '"') {
        if (quoted && line[i + 1] === '"') {
          arg += '"';
          i += 2;
        } else {
          quoted = !quoted;
          i++;
        }
      } else {
        arg += c;
        i++;
      }
    }
    args.push(arg);
  }
}

/**
 * cmd.exe's reading of a line it is given: `"` toggles quoting (a backslash does not escape it);
 * outside quotes & | < > ( ) ^ are operators; %…% and !…! are expanded everywhere. A line that
 * would run anything but `aws` with its arguments fails; else the program splits it.
 */
function cmdArgs(line: string): string[] {
  let quoted = false;
  for (const c of line) {
    assert.ok(c !== '%' && c !== '!', `cmd expands ${c} in: ${line}`);
    assert.ok(c !== '\n' && c !== '\r', `a line break ends the command in: ${line}`);
    if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && '&|<>()^'.includes(c)) {
      assert.fail(`cmd reads ${c} outside quotes as an operator in: ${line}`);
    }
  }
  assert.ok(!quoted, `unbalanced quotes in: ${line}`);
  return windowsArgv(line);
}

const PS_SINGLE_QUOTES = "'\u2018\u2019\u201A\u201B";

/**
 * Windows PowerShell 5.1 running a native program: the line is read in argument mode (a
 * single-quoted string is literal with its quote doubled; a bare word must hold nothing PowerShell
 * gives meaning to, nor look like a number or a parameter it splits), then each argument is passed
 * on as it is, in double quotes when it holds whitespace (its own quotes not escaped), an empty one
 * dropped; the program splits that line.
 */
function powershellArgs(line: string): string[] {
  const args: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === ' ') {
      i++;
      continue;
    }
    let arg = '';
    if (PS_SINGLE_QUOTES.includes(line[i])) {
      i++;
      for (;;) {
        assert.ok(i < line.length, `an unterminated string in: ${line}`);
        if (PS_SINGLE_QUOTES.includes(line[i])) {
          if (PS_SINGLE_QUOTES.includes(line[i + 1] ?? ' ')) {
            arg += line[i];
            i += 2;
            continue;
          }
          i++;
          break;
        }
        arg += line[i++];
      }
      assert.ok(i >= line.length || line[i] === ' ', `a string followed by more of the word in: ${line}`);
    } else {
      while (i < line.length && line[i] !== ' ') {
        arg += line[i++];
      }
      assert.doesNotMatch(arg, /[$@,;(){}[\]`'"|&<>#\u2018-\u201E\u2013-\u2015\s]/u, `a bare word PowerShell reads: ${arg}`);
      assert.ok(/^[0-9]+$/.test(arg) || !/^[-+.]?[0-9]/.test(arg), `a bare word PowerShell reads as a number: ${arg}`);
      assert.ok(!(arg.startsWith('-') && /[.:]/.test(arg)), `a parameter-like bare word PowerShell splits: ${arg}`);
    }
    args.push(arg);
  }
  const passed = args.filter((a) => a !== '').map((a) => (/\s/.test(a) ? `"${a}"` : a));
  return windowsArgv(passed.join(' '));
}

/** `bash` or `dash` runs the line with `aws` standing for a program that prints its arguments. */
function posixArgs(shell: 'bash' | 'dash', line: string): string[] {
  const out = execFileSync(shell, ['-c', `aws() { printf '%s\\0' "$@"; }\n${line}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

const MODELS: Record<Exclude<ShellKind, 'posix'>, (line: string) => string[]> = { cmd: cmdArgs, powershell: powershellArgs };

/** The words quoted for `shell`, or the CommandLineError refusing one (which must name that value). */
function tryLine(shell: ShellKind, words: readonly string[]): { line: string } | { refused: string } {
  try {
    return { line: formatCommandLine(words, shell) };
  } catch (e) {
    assert.ok(e instanceof CommandLineError, `not a CommandLineError: ${String(e)}`);
    return { refused: e.message };
  }
}

describe('aws/cliShell: every line read back by the rules of the shell it is for', () => {
  it('the POSIX shells of this machine are there: bash and dash', () => {
    for (const shell of ['bash', 'dash']) {
      assert.doesNotThrow(() => execFileSync(shell, ['-c', 'true']), `${shell} is not installed (Debian: apt-get install ${shell})`);
    }
  });

  for (const shell of ['bash', 'dash'] as const) {
    it(`POSIX: ${shell} reads back every value but a line break or control character, which is refused by name`, () => {
      for (const word of HOSTILE) {
        const r = tryLine('posix', ['aws', 'sagemaker', '--landing-uri', word]);
        if ('refused' in r) {
          assert.match(word, /[\u2028]|(?!\t)\p{Cc}/u, `refused: ${r.refused}`);
          assert.ok(r.refused.includes(`The value of --landing-uri, ${quoteValue(word)},`), r.refused);
          continue;
        }
        assert.deepEqual(posixArgs(shell, r.line), ['sagemaker', '--landing-uri', word], r.line);
      }
    });
  }

  for (const shell of ['cmd', 'powershell'] as const) {
    it(`${shell === 'cmd' ? 'Command Prompt' : 'Windows PowerShell 5.1'}: each value read back exactly, or refused by name`, () => {
      const refused: string[] = [];
      for (const word of HOSTILE) {
        const r = tryLine(shell, ['aws', 'sagemaker', '--landing-uri', word]);
        if ('refused' in r) {
          assert.ok(r.refused.startsWith(`The value of --landing-uri, ${quoteValue(word)}, cannot be written safely for`), r.refused);
          refused.push(word);
          continue;
        }
        assert.deepEqual(MODELS[shell](r.line), ['aws', 'sagemaker', '--landing-uri', word], r.line);
      }
      // Refused: what the shell cannot carry, and nothing else.
      const expected =
        shell === 'cmd'
          ? HOSTILE.filter((w) => /["%!\u2028]|(?!\t)\p{Cc}/u.test(w))
          : HOSTILE.filter((w) => /["\u2028]|(?!\t)\p{Cc}/u.test(w) || w === '' || w === 'with space\\');
      assert.deepEqual(refused, expected);
    });
  }

  it('the landing URI of the review (x"&calc&") is refused by validation, and a % path by Copy as AWS CLI Command for Command Prompt', () => {
    assert.match(validateLandingUri('app:JupyterLab:lab/tree/x"&calc&"') ?? '', /it contains a double quote; got "app:JupyterLab:lab\/tree\/x\\"&calc&\\""/);
    assert.match(validateLandingUri('app:JupyterLab:lab/tree/x%22&calc&%22') ?? '', /double quote/);
    assert.match(validateLandingUri('app:JupyterLab:lab/tree/x%0Ay') ?? '', /control characters/);
    const invocation = domainUrlInvocation({ domainId: 'd-abc123', userProfileName: 'alice', landingUri: 'app:JupyterLab:lab/tree/%CD%' });
    assert.throws(
      () => toCommandLine(invocation, 'us-east-1', {}, 'cmd'),
      (e: Error) => e instanceof CommandLineError && /^The value of --landing-uri, "app:JupyterLab:lab\/tree\/%CD%", cannot be written safely for Command Prompt: Command Prompt expands %…%/.test(e.message),
    );
    for (const shell of ['posix', 'powershell'] as const) {
      assert.match(toCommandLine(invocation, 'us-east-1', {}, shell), /--landing-uri app:JupyterLab:lab\/tree\/%CD%|--landing-uri 'app:JupyterLab:lab\/tree\/%CD%'/);
    }
  });

  it('aws sso login is quoted for the terminal\'s shell: @dev is no splatting in PowerShell', () => {
    assert.equal(ssoLoginCommand('@dev', 'powershell'), "aws sso login --profile '@dev'");
    assert.deepEqual(powershellArgs(ssoLoginCommand('@dev', 'powershell')), ['aws', 'sso', 'login', '--profile', '@dev']);
    assert.equal(ssoLoginCommand('@dev'), 'aws sso login --profile @dev');
    for (const name of ['team/dev.admin@acme+1=a,b:c_d', '-dev.x', '1e3', '=x']) {
      for (const shell of ['bash', 'dash'] as const) {
        assert.deepEqual(posixArgs(shell, ssoLoginCommand(name, 'posix')), ['sso', 'login', '--profile', name]);
      }
      assert.deepEqual(powershellArgs(ssoLoginCommand(name, 'powershell')), ['aws', 'sso', 'login', '--profile', name]);
      assert.deepEqual(cmdArgs(ssoLoginCommand(name, 'cmd')), ['aws', 'sso', 'login', '--profile', name]);
    }
    assert.equal(quoteFor('powershell', '1e3'), "'1e3'");
  });
});
