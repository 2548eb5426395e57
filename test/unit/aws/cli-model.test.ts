import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  cliWords,
  domainUrlInvocation,
  formatCommandLine,
  mlflowAppUrlInvocation,
  mlflowTrackingServerUrlInvocation,
  notebookUrlInvocation,
  partnerAppUrlInvocation,
  quoteFor,
  shellKindFor,
  type CliInvocation,
} from '../../../src/aws/index';
import { repoRoot } from '../../harness/paths';

interface Shape {
  type: string;
  members?: Record<string, { shape: string }>;
  required?: string[];
  min?: number;
  max?: number;
  pattern?: string;
}
interface ApiModel {
  operations: Record<string, { input?: { shape: string } }>;
  shapes: Record<string, Shape>;
}

const model = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'reference', 'sagemaker-api-model.json'), 'utf8')) as ApiModel;

/** botocore's xform_name(name, '-'), which the AWS CLI uses for operation and parameter names. */
function awsCliName(name: string): string {
  const special = /[A-Z]{2,}s$/.exec(name);
  const n = special ? `${name.slice(0, -special[0].length)}-${special[0].toLowerCase()}` : name;
  return n.replace(/(.)([A-Z][a-z]+)/g, '$1-$2').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** The AWS CLI's global options the commands use. */
const GLOBAL_OPTIONS = new Set(['--profile', '--region', '--endpoint-url']);

/**
 * Reads a command's words as the AWS CLI would: `aws sagemaker <operation>` then `--flag value` pairs;
 * each flag must be an input member of the operation (or a global option), every required member
 * given, each value within the member's limits and pattern.
 */
function checkAgainstModel(words: string[]): { operation: string; members: Record<string, string> } {
  assert.deepEqual(words.slice(0, 2), ['aws', 'sagemaker']);
  const opName = Object.keys(model.operations).find((op) => awsCliName(op) === words[2]);
  assert.ok(opName, `"aws sagemaker ${words[2]}" is no operation of the SageMaker model`);
  const input = model.shapes[model.operations[opName].input!.shape];
  const byFlag = new Map(Object.entries(input.members ?? {}).map(([m, ref]) => [`--${awsCliName(m)}`, { member: m, shape: model.shapes[ref.shape] }]));
  const members: Record<string, string> = {};
  const rest = words.slice(3);
  assert.equal(rest.length % 2, 0, `flags and values pair up: ${rest.join(' ')}`);
  for (let i = 0; i < rest.length; i += 2) {
    const flag = rest[i];
    const value = rest[i + 1];
    if (GLOBAL_OPTIONS.has(flag)) {
      continue;
    }
    const m = byFlag.get(flag);
    assert.ok(m, `${flag} is not a parameter of aws sagemaker ${words[2]} (it has ${[...byFlag.keys()].join(', ')})`);
    assert.ok(!(m.member in members), `${flag} given twice`);
    members[m.member] = value;
    if (m.shape.type === 'integer') {
      const n = Number(value);
      assert.ok(Number.isInteger(n), `${flag} ${value} is an integer`);
      assert.ok(m.shape.min === undefined || n >= m.shape.min, `${flag} ${value} >= ${m.shape.min}`);
      assert.ok(m.shape.max === undefined || n <= m.shape.max, `${flag} ${value} <= ${m.shape.max}`);
    } else {
      assert.equal(m.shape.type, 'string');
      assert.ok(m.shape.max === undefined || value.length <= m.shape.max, `${flag} at most ${m.shape.max} characters`);
      if (m.shape.pattern) {
        assert.match(value, new RegExp(`^(?:${m.shape.pattern})$`), `${flag} follows the model's pattern`);
      }
    }
  }
  for (const required of input.required ?? []) {
    assert.ok(required in members, `${opName} needs --${awsCliName(required)}`);
  }
  assert.ok(words.includes('--region'), 'the command names its region');
  return { operation: opName, members };
}

const settings = { profile: 'dev team', endpointUrl: 'http://127.0.0.1:4566' };
const cases: [string, CliInvocation, string][] = [
  [
    'Studio for a user profile',
    domainUrlInvocation({ domainId: 'd-abc123', userProfileName: 'alice', landingUri: 'studio::', expiresInSeconds: 60, sessionExpirationDurationInSeconds: 1800 }),
    'create-presigned-domain-url',
  ],
  [
    'a private space (its owner)',
    domainUrlInvocation({ domainId: 'd-abc123', userProfileName: 'bob', spaceName: 'alice-space', landingUri: 'app:JupyterLab:/lab/tree/a b', spaceInfo: { sharingType: 'Private', ownerUserProfileName: 'alice' } }),
    'create-presigned-domain-url',
  ],
  ['a notebook instance', notebookUrlInvocation({ notebookInstanceName: 'nb-1', ui: 'JupyterLab', sessionExpirationDurationInSeconds: 3600 }), 'create-presigned-notebook-instance-url'],
  ['an MLflow tracking server', mlflowTrackingServerUrlInvocation({ trackingServerName: 'team-tracking', expiresInSeconds: 120 }), 'create-presigned-mlflow-tracking-server-url'],
  ['an MLflow app', mlflowAppUrlInvocation({ arn: 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-app/app-1' }), 'create-presigned-mlflow-app-url'],
  ['a partner AI app', partnerAppUrlInvocation({ arn: 'arn:aws:sagemaker:us-east-1:123456789012:partner-app/app-ABCDEF123456', sessionExpirationDurationInSeconds: 7200 }), 'create-partner-app-presigned-url'],
];

describe('aws/cli: every command against the SageMaker API model, as the AWS CLI reads it', () => {
  for (const [what, invocation, command] of cases) {
    it(`${what}: aws sagemaker ${command} with the model's parameter names, limits and patterns`, () => {
      const words = cliWords(invocation, 'us-east-1', settings);
      assert.equal(words[2], command);
      const { members } = checkAgainstModel(words);
      assert.deepEqual(Object.keys(members), invocation.params.map(([m]) => m));
      assert.deepEqual(words.slice(-6), ['--profile', 'dev team', '--region', 'us-east-1', '--endpoint-url', 'http://127.0.0.1:4566']);
    });
  }

  it('a wrong member name fails the check (the check can fail)', () => {
    const wrong: CliInvocation = { operation: 'CreatePresignedDomainUrl', params: [['DomainId', 'd-abc123'], ['UserProfile', 'alice']] };
    assert.throws(() => checkAgainstModel(cliWords(wrong, 'us-east-1', {})), /--user-profile is not a parameter/);
    const missing: CliInvocation = { operation: 'CreatePresignedMlflowAppUrl', params: [['ExpiresInSeconds', 60]] };
    assert.throws(() => checkAgainstModel(cliWords(missing, 'us-east-1', {})), /needs --arn/);
  });

  it('the private-space rule makes the URL for the owner, and unset options keep the defaults', () => {
    const { members } = checkAgainstModel(cliWords(cases[1][1], 'us-east-1', {}));
    assert.equal(members.UserProfileName, 'alice');
    assert.equal(members.ExpiresInSeconds, '300');
    assert.equal(members.SessionExpirationDurationInSeconds, '43200');
  });
});

const tricky = ['plain', 'two words', "it's", '$(rm -rf ~)', 'a;b|c&d`e`', 'back\\slash', 'quote"d', '%PATH%', '@x,y', 'tab\there', ''];

describe('aws/cliShell: quoting for the user\'s shell', () => {
  it('POSIX: /bin/sh reads back exactly the words that were quoted', () => {
    const line = formatCommandLine(tricky, 'posix');
    const out = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' });
    assert.deepEqual(out.split('\0').slice(0, -1), tricky);
  });

  it('PowerShell: single quotes, quotes doubled (typographic ones too), nothing left bare that PowerShell reads', () => {
    assert.equal(quoteFor('powershell', 'd-abc123'), 'd-abc123');
    assert.equal(quoteFor('powershell', '--domain-id'), '--domain-id');
    assert.equal(quoteFor('powershell', 'http://127.0.0.1:4566'), 'http://127.0.0.1:4566');
    assert.equal(quoteFor('powershell', "it's"), "'it''s'");
    assert.equal(quoteFor('powershell', 'it\u2019s'), "'it\u2019\u2019s'");
    assert.equal(quoteFor('powershell', '$env:HOME'), "'$env:HOME'");
    assert.equal(quoteFor('powershell', '@splat'), "'@splat'");
    assert.equal(quoteFor('powershell', 'a,b'), "'a,b'");
    assert.equal(quoteFor('powershell', 'x`y'), "'x`y'");
    // Windows PowerShell 5.1 drops an empty argument on its way to a program.
    assert.throws(() => quoteFor('powershell', ''), /"" cannot be written safely for PowerShell: Windows PowerShell drops an empty argument/);
  });

  it('Command Prompt: double quotes with the program\'s backslash rule', () => {
    assert.equal(quoteFor('cmd', 'd-abc123'), 'd-abc123');
    assert.equal(quoteFor('cmd', 'a&b'), '"a&b"');
    // cmd ends its quotes at any ", a backslash before it or not: refused, naming the value.
    assert.throws(() => quoteFor('cmd', 'say "hi"'), /"say \\"hi\\"" cannot be written safely for Command Prompt/);
    assert.equal(quoteFor('cmd', 'dir\\'), '"dir\\\\"');
  });

  it('chooses the shell from the platform and the default terminal profile', () => {
    assert.equal(shellKindFor('win32'), 'powershell');
    assert.equal(shellKindFor('win32', 'PowerShell', { source: 'PowerShell' }), 'powershell');
    assert.equal(shellKindFor('win32', 'Git Bash', { source: 'Git Bash' }), 'posix');
    assert.equal(shellKindFor('win32', 'Command Prompt', { path: ['${env:windir}\\Sysnative\\cmd.exe', '${env:windir}\\System32\\cmd.exe'] }), 'cmd');
    assert.equal(shellKindFor('win32', 'Ubuntu (WSL)', { path: 'C:\\Windows\\System32\\wsl.exe' }), 'posix');
    assert.equal(shellKindFor('win32', 'My shell', { path: 'C:\\Program Files\\PowerShell\\7\\pwsh.exe' }), 'powershell');
    assert.equal(shellKindFor('linux'), 'posix');
    assert.equal(shellKindFor('linux', 'pwsh', { path: '/usr/bin/pwsh' }), 'powershell');
    assert.equal(shellKindFor('darwin', 'zsh', { path: 'zsh', }), 'posix');
    assert.equal(shellKindFor('darwin', 'unknown-thing'), 'posix');
  });
});
