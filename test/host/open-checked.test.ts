/**
 * A URL from the endpoint is opened (or copied) exactly as it was checked: one whose host reads
 * differently to WHATWG `URL` and to VS Code's parser (`host\@evil.example`) is refused, with the
 * loopback endpoint, for an IAM Identity Center domain's Url and for presigned URLs.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { emulator, emulatorUrl, nodeAt, resetSettings, setSetting, usePrompter, waitFor, children, item } from './helpers';

const SSO_DOMAIN = 'd-4hn6xw8qrt2v';
const CANARY = 'canary-before-the-command';

describe('a URL is opened exactly as it was checked', () => {
  const { api, prompter } = usePrompter();
  /** What the endpoint answers: the loopback endpoint's host, then `\@evil.example`. */
  const crafted = (path: string): string => `${emulatorUrl()}\\@evil.example${path}`;

  before(resetSettings);
  beforeEach(async () => {
    await emulator.clearFaults();
    await vscode.env.clipboard.writeText(CANARY);
  });
  afterEach(async () => {
    await emulator.clearFaults();
    await resetSettings();
    await vscode.commands.executeCommand('sagemaker.refresh');
  });

  /** The one error shown: it refuses the URL as ambiguous, and shows no token. */
  function assertRefused(): void {
    assert.deepEqual(prompter.opened.map((u) => u.authority), [], 'something was opened');
    assert.equal(prompter.errors.length, 1, 'one error shown');
    const text = prompter.errors[0].text;
    assert.match(text, /^Refusing to open a URL whose host is ambiguous: 127\.0\.0\.1:\d+ to one reading, "127\.0\.0\.1:\d+\\\\@evil\.example" to another/);
    assert.doesNotMatch(text, /token=/i);
    prompter.clear();
  }

  it('an IAM Identity Center domain whose Url is http://127.0.0.1:<port>\\@evil.example/: Open Studio and Copy Studio URL refuse it, nothing opens or is copied', async () => {
    await setSetting('regions', ['eu-west-1']);
    const url = crafted('/');
    await emulator.setFault({ operation: 'ListDomains', kind: 'rewrite', set: { Url: url } });
    await emulator.setFault({ operation: 'DescribeDomain', kind: 'rewrite', set: { Url: url } });
    await vscode.commands.executeCommand('sagemaker.refresh');
    const domain = await nodeAt(api(), 'Studio Domains', 'identity-center-lab');
    await children(api(), domain);
    await waitFor(async () => /IAM Identity Center/.test(String((await item(api(), domain)).description)), 'the domain row says IAM Identity Center');
    assert.equal((await api().services.session.access().describeDomain('eu-west-1', SSO_DOMAIN)).url, url, 'the endpoint answers the crafted Url');
    const kenji = await nodeAt(api(), 'Studio Domains', 'identity-center-lab', 'kenji');

    await vscode.commands.executeCommand('sagemaker.openStudio', kenji);
    assertRefused();
    await vscode.commands.executeCommand('sagemaker.copyStudioUrl', kenji);
    assertRefused();
    assert.equal(await vscode.env.clipboard.readText(), CANARY, 'the clipboard was written');
  });

  it('a presigned URL with "\\@evil.example" after its host (Studio, MLflow tracking server): refused, nothing opened or copied', async () => {
    await emulator.setFault({ operation: 'CreatePresignedDomainUrl', kind: 'rewrite', set: { AuthorizedUrl: crafted('/auth?token=secret-token') } });
    await emulator.setFault({ operation: 'CreatePresignedMlflowTrackingServerUrl', kind: 'rewrite', set: { AuthorizedUrl: crafted('/mlflow?authToken=secret-token') } });
    await vscode.commands.executeCommand('sagemaker.refresh');
    const alice = await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice');
    await vscode.commands.executeCommand('sagemaker.openStudio', alice);
    assertRefused();
    await vscode.commands.executeCommand('sagemaker.copyStudioUrl', alice);
    assertRefused();
    const server = await nodeAt(api(), 'MLflow', 'mlflow-platform');
    await vscode.commands.executeCommand('sagemaker.openMlflowTrackingServer', server);
    assertRefused();
    await vscode.commands.executeCommand('sagemaker.copyMlflowTrackingServerUrl', server);
    assertRefused();
    assert.equal(await vscode.env.clipboard.readText(), CANARY, 'the clipboard was written');
  });

  it('opens and copies the normalised URL that was checked, not the string received', async () => {
    // Upper case and the default port written out: the same host, read alike by every parser.
    const received = `${emulatorUrl().replace('http://', 'HTTP://')}/auth?token=abc`;
    await emulator.setFault({ operation: 'CreatePresignedDomainUrl', kind: 'rewrite', set: { AuthorizedUrl: received } });
    const alice = await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice');
    await vscode.commands.executeCommand('sagemaker.openStudio', alice);
    assert.deepEqual(prompter.opened.map((u) => u.toString(true)), [`${emulatorUrl()}/auth?token=abc`]);
    await vscode.commands.executeCommand('sagemaker.copyStudioUrl', alice);
    assert.equal(await vscode.env.clipboard.readText(), `${emulatorUrl()}/auth?token=abc`);
    prompter.assertDone();
  });
});
