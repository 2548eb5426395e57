import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DomainNode } from '../../src/tree/nodes';
import { callCount, children, emulator, emulatorUrl, hovered, item, nodeAt, resetSettings, setSetting, tooltipText, usePrompter, visit, waitFor } from './helpers';

/** The demo's IAM Identity Center domain (eu-west-1): it has a Url and refuses presigned URLs. */
const SSO_DOMAIN = 'd-4hn6xw8qrt2v';

describe('an IAM Identity Center (SSO) domain: said so, opened at its own URL, never presigned', () => {
  const { api, prompter } = usePrompter();

  /** The domain's Url as SageMaker reports it (the emulator's stand-in for the IAM Identity Center sign-in). */
  let domainUrl = '';
  const ssoUrl = (): string => domainUrl;
  const domainNode = (): Promise<DomainNode> => nodeAt(api(), 'Studio Domains', 'identity-center-lab') as Promise<DomainNode>;

  /** Expands the domain (profiles listed, DescribeDomain alongside) and waits until its row says how it signs in. */
  async function expandDomain(): Promise<DomainNode> {
    const d = await domainNode();
    await children(api(), d);
    await waitFor(async () => /IAM Identity Center/.test(String((await item(api(), d)).description)), 'the domain row says IAM Identity Center');
    return d;
  }

  before(async () => {
    await resetSettings();
    await setSetting('regions', ['eu-west-1']);
    domainUrl = (await api().services.session.access().describeDomain('eu-west-1', SSO_DOMAIN)).url ?? '';
    assert.equal(new URL(domainUrl).port, new URL(emulatorUrl()).port, 'the domain URL points at the local endpoint');
    assert.equal(new URL(domainUrl).pathname, `/sso/eu-west-1/${SSO_DOMAIN}`);
  });
  beforeEach(async () => {
    await emulator.clearFaults();
    await vscode.commands.executeCommand('sagemaker.refresh');
  });
  afterEach(async () => {
    await emulator.clearFaults();
  });
  after(resetSettings);

  it('the domain row says IAM Identity Center once described (alongside its profiles), an IAM domain does not', async () => {
    const d = await expandDomain();
    const row = await hovered(api(), d);
    assert.equal(row.description, `InService · IAM Identity Center · ${SSO_DOMAIN}`);
    assert.match(tooltipText(row), /Sign-in: IAM Identity Center \(AuthMode SSO\): opens at the domain's URL, never a presigned URL/);
    assert.match(tooltipText(row), new RegExp(`URL: ${ssoUrl().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
    const kenji = await hovered(api(), await nodeAt(api(), 'Studio Domains', 'identity-center-lab', 'kenji'));
    assert.match(tooltipText(kenji), /Opens: at the domain's IAM Identity Center sign-in/);
    const lab = await hovered(api(), await nodeAt(api(), 'Studio Domains', 'identity-center-lab', 'kenji', 'Kenji Lab'));
    assert.match(tooltipText(lab), /Opens: at the domain's IAM Identity Center sign-in/);

    const iam = await nodeAt(api(), 'Studio Domains', 'eu-analytics');
    await children(api(), iam);
    await waitFor(async () => /Sign-in: IAM \(presigned URLs\)/.test(tooltipText(await hovered(api(), iam))), 'the IAM domain was described');
    assert.equal((await item(api(), iam)).description, 'InService · d-9fj4rt2lwx6e');
    prompter.assertDone();
  });

  it('Open Studio on a profile opens the domain URL (the sign-in page), with no CreatePresignedDomainUrl call, and says why', async () => {
    await expandDomain();
    const before = await callCount('CreatePresignedDomainUrl');
    await vscode.commands.executeCommand('sagemaker.openStudio', await nodeAt(api(), 'Studio Domains', 'identity-center-lab', 'kenji'));
    assert.deepEqual(prompter.opened.map((u) => u.toString(true)), [ssoUrl()]);
    assert.equal(await callCount('CreatePresignedDomainUrl'), before, 'a presigned URL was asked for');
    const page = await visit(ssoUrl());
    assert.equal(page.status, 200);
    assert.match(page.body, /Sign in with IAM Identity Center/);
    const info = prompter.messages.filter((m) => m.level === 'info').map((m) => m.text);
    assert.equal(info.length, 1);
    assert.match(info[0], /identity-center-lab signs in through IAM Identity Center \(AuthMode SSO\), so SageMaker makes no presigned URLs for it/);
    prompter.assertDone();
  });

  it('Copy Studio URL and Copy Space URL copy that address, with no countdown and no call', async () => {
    await expandDomain();
    const presigns = await callCount('CreatePresignedDomainUrl');
    // A countdown of an earlier presigned copy may still run: the copy must not start a new one.
    const left = (): number | undefined => {
      const m = /expires in (\d+):(\d\d)/.exec(api().services.clipboard.text ?? '');
      return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
    };
    const noNewCountdown = (before: number | undefined, what: string): void => {
      const after = left();
      assert.ok(after === undefined || (before !== undefined && after <= before), `${what} started an expiry countdown (${api().services.clipboard.text})`);
    };
    await vscode.env.clipboard.writeText('');
    let before = left();
    await vscode.commands.executeCommand('sagemaker.copyStudioUrl', await nodeAt(api(), 'Studio Domains', 'identity-center-lab', 'kenji'));
    assert.equal(await vscode.env.clipboard.readText(), ssoUrl());
    noNewCountdown(before, 'Copy Studio URL');
    await vscode.env.clipboard.writeText('');
    before = left();
    await vscode.commands.executeCommand('sagemaker.copySpaceUrl', await nodeAt(api(), 'Studio Domains', 'identity-center-lab', 'kenji', 'Kenji Lab'));
    assert.equal(await vscode.env.clipboard.readText(), ssoUrl());
    noNewCountdown(before, 'Copy Space URL');
    assert.match(prompter.messages.at(-1)?.text ?? '', /then open the space Kenji Lab from Studio/);
    assert.equal(await callCount('CreatePresignedDomainUrl'), presigns);
    prompter.assertDone();
  });

  it('from the palette: the profile pick says why, and the domain URL opens', async () => {
    const before = await callCount('CreatePresignedDomainUrl');
    prompter.script({ pick: 'identity-center-lab' }, { pick: 'lena' });
    await vscode.commands.executeCommand('sagemaker.openStudio');
    assert.match(prompter.picks[1].placeholder, /identity-center-lab signs in through IAM Identity Center: it opens at the domain's own URL/);
    assert.deepEqual(prompter.opened.map((u) => u.toString(true)), [ssoUrl()]);
    assert.equal(await callCount('CreatePresignedDomainUrl'), before);
    prompter.assertDone();
  });

  it('"Copy as AWS CLI Command" says there is none for such a domain', async () => {
    await expandDomain();
    await vscode.commands.executeCommand('sagemaker.copyCliCommand', await nodeAt(api(), 'Studio Domains', 'identity-center-lab', 'kenji'));
    assert.equal(prompter.errors.length, 1);
    assert.match(prompter.errors[0].text, /AuthMode SSO.*no AWS CLI command/);
    prompter.clear();
  });

  it('when the mode is not known (DescribeDomain denied), a refused presign explains itself the same way and opens the domain URL', async () => {
    await emulator.setFault({ operation: 'DescribeDomain', kind: 'error', errorType: 'AccessDeniedException', status: 400, message: 'not allowed to describe' });
    const d = await domainNode();
    assert.deepEqual((await children(api(), d)).length, 2, 'the profiles show even though DescribeDomain failed');
    const before = await callCount('CreatePresignedDomainUrl');
    await vscode.commands.executeCommand('sagemaker.openStudio', await nodeAt(api(), 'Studio Domains', 'identity-center-lab', 'kenji'));
    assert.equal((await callCount('CreatePresignedDomainUrl')) - before, 1, 'asked once, refused');
    assert.deepEqual(prompter.opened.map((u) => u.toString(true)), [ssoUrl()]);
    assert.match(prompter.messages.at(-1)?.text ?? '', /signs in through IAM Identity Center \(AuthMode SSO\), so SageMaker makes no presigned URLs for it/);
    assert.deepEqual(prompter.errors, []);
    // The tree learnt it: the row says so now, and the next open asks for no presigned URL.
    assert.match(String((await item(api(), d)).description), /IAM Identity Center/);
    await vscode.commands.executeCommand('sagemaker.openStudio', await nodeAt(api(), 'Studio Domains', 'identity-center-lab', 'kenji'));
    assert.equal((await callCount('CreatePresignedDomainUrl')) - before, 1);
    prompter.assertDone();
  });
});
