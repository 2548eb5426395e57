import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { AwsError, type AwsErrorKind } from '../../src/aws/errors';
import { KNOWN_REGIONS } from '../../src/commands/view';
import { shortReason, UserFacingError } from '../../src/errors';
import { SettingsError } from '../../src/settings';
import type { ErrorNode, GroupNode, NotebookNode, Node } from '../../src/tree/nodes';
import { callCount, child, children, emulator, emulatorUrl, hovered, labels, nodeAt, resetSettings, setSetting, tooltipText, usePrompter, visit, waitFor } from './helpers';
import { closedPort } from '../harness/ports';

/**
 * The matrix: one row per fault and per bad input, each asserting what the user sees (the row,
 * its message and its action) and that the rest of the tree keeps working; for bad input, that
 * no call was made. docs/reliability.md lists these rows.
 */

type Fault = Parameters<typeof emulator.setFault>[0];
type Api = ReturnType<ReturnType<typeof usePrompter>['api']>;

/** The groups each region shows by default (sagemaker.resourceTypes unset). */
const ROOT_GROUPS = ['Studio Domains', 'Notebook Instances', 'MLflow', 'Partner AI Apps'];

/**
 * The poller's reads of rows in a passing state (Pending, Updating…): background work of the
 * tree already shown, not calls an action makes. Every other operation counts.
 */
const POLLER_READS = /^Describe(Domain|UserProfile|Space|NotebookInstance|MlflowTrackingServer|MlflowApp|PartnerApp)$/;

/**
 * Waits until the tree shown has made its own calls: every group of every region listed and no
 * list still loading. After this, a listing (or any call but the poller's reads) comes from the
 * action under test.
 */
async function settled(api: Api): Promise<void> {
  const roots = await children(api);
  const groups = (await Promise.all(roots.map((r) => (r.kind === 'region' ? children(api, r) : Promise.resolve([r]))))).flat();
  await Promise.all(groups.map((g) => children(api, g)));
  await waitFor(() => ![...api.services.tree.loadedNodes()].some((n) => 'listing' in n && n.listing.loading !== undefined), 'no list of the tree is loading');
}

/** The calls made since `before` (per operation), leaving out the poller's reads. */
async function callsSince(before: Record<string, number>): Promise<Record<string, number>> {
  const made: Record<string, number> = {};
  for (const [op, n] of Object.entries(await emulator.calls())) {
    const d = n - (before[op] ?? 0);
    if (d > 0 && !POLLER_READS.test(op)) {
      made[op] = d;
    }
  }
  return made;
}

describe('reliability matrix: a fault in one list is an error row under it; the rest works', () => {
  const { api, prompter } = usePrompter();
  before(resetSettings);
  afterEach(async () => {
    api().services.session.setTuning(undefined);
    await emulator.clearFaults();
    await resetSettings();
    for (const m of prompter.messages) {
      assert.doesNotMatch(m.text, /\n\s+at /, 'a message shows a stack');
    }
  });

  const rows: { fault: string; faults: Fault[]; label: string; message: RegExp; requestTimeoutMs?: number; attempts?: number }[] = [
    { fault: 'throttling past the retries', faults: [{ operation: 'ListDomains', kind: 'throttle' }], label: 'Throttled', message: /throttling requests \(rate exceeded\), even after retries\. Wait a moment and retry\./ },
    { fault: 'HTTP 500', faults: [{ operation: 'ListDomains', kind: 'http5xx', status: 500 }], label: 'Server error (HTTP 500)', message: /^SageMaker in us-east-1 answered with a server error \(HTTP 500 InternalFailure\)\. Retry in a moment\.$/ },
    { fault: 'HTTP 503', faults: [{ operation: 'ListDomains', kind: 'http5xx', status: 503 }], label: 'Server error (HTTP 503)', message: /server error \(HTTP 503 ServiceUnavailable\)/ },
    // No answer at all: the SDK's own request timeout ends each attempt (shortened from 30 s for
    // the test: Session.setTuning), the SDK retries, then the row says so.
    { fault: 'a request timeout', faults: [{ operation: 'ListDomains', kind: 'hang' }], label: 'Timed out', message: /^SageMaker did not answer in time in us-east-1\. Check your network and retry\.$/, requestTimeoutMs: 1000, attempts: 3 },
    { fault: 'a dropped connection', faults: [{ operation: 'ListDomains', kind: 'drop' }], label: 'Network unreachable', message: /^Could not reach SageMaker in us-east-1/ },
    { fault: 'a malformed body', faults: [{ operation: 'ListDomains', kind: 'malformed' }], label: 'Unreadable answer', message: /could not be read/ },
    { fault: 'a bad signature', faults: [{ operation: 'ListDomains', kind: 'badSignature' }], label: 'Key rejected in us-east-1', message: /^SageMaker in us-east-1 did not accept the credentials .*may not be enabled for your AWS account/ },
  ];

  for (const r of rows) {
    it(`${r.fault}: a short row "${r.label}" (could not list Studio domains), advice in the tooltip, retry on click; notebook instances still list`, async () => {
      if (r.requestTimeoutMs !== undefined) {
        api().services.session.setTuning({ requestTimeoutMs: r.requestTimeoutMs });
      }
      for (const f of r.faults) {
        await emulator.setFault(f);
      }
      await emulator.resetCalls();
      await vscode.commands.executeCommand('sagemaker.refresh');
      const domains = await nodeAt(api(), 'Studio Domains');
      const kids = await children(api(), domains);
      if (r.attempts !== undefined) {
        assert.equal(await callCount('ListDomains'), r.attempts, 'each attempt timed out, then the SDK retried');
      }
      assert.equal(kids.length, 1);
      const err = kids[0];
      assert.equal(err.kind, 'error', 'an error row');
      const item = await api().resources.getTreeItem(err);
      // The reason is the label (short enough for a default-width side bar); what failed follows.
      assert.equal(item.label, r.label);
      assert.equal(item.description, 'could not list Studio domains');
      const sentence = `Could not list Studio domains: ${r.label.charAt(0).toLowerCase()}${r.label.slice(1)}. `;
      assert.equal(item.accessibilityInformation?.label.startsWith(sentence), true, item.accessibilityInformation?.label);
      assert.match((err).message, r.message);
      const hover = await hovered(api(), err);
      assert.match(tooltipText(hover), /Reason/);
      assert.ok(tooltipText(hover).includes((err).message), 'the whole message is in the tooltip');
      assert.equal(item.command?.command, 'sagemaker.retry');
      assert.equal(api().services.tree.viewState, 'ready', 'the view keeps its tree');
      assert.equal((await children(api(), await nodeAt(api(), 'Notebook Instances'))).length, 5, 'the sibling list works');
      await emulator.clearFaults();
      await vscode.commands.executeCommand('sagemaker.retry', err);
      assert.deepEqual(await labels(api(), await children(api(), domains)), ['ml-platform', 'research-lab', 'sandbox-pending']);
    });
  }

  it('AccessDenied on one domain only: its user profiles are an error row; the other domain lists', async () => {
    await vscode.commands.executeCommand('sagemaker.refresh');
    await emulator.setFault({ operation: 'ListUserProfiles', kind: 'accessDenied', match: { DomainId: 'd-7kx2hq9mzp4a' } });
    const denied = await children(api(), await nodeAt(api(), 'Studio Domains', 'ml-platform'));
    assert.equal(denied.length, 1);
    const deniedItem = await api().resources.getTreeItem(denied[0]);
    assert.equal(deniedItem.label, 'Access denied');
    assert.equal(deniedItem.description, 'could not list user profiles');
    assert.match((denied[0] as ErrorNode).message, /not allowed to call sagemaker:ListUserProfiles/);
    assert.ok((await children(api(), await nodeAt(api(), 'Studio Domains', 'research-lab'))).length > 0);
  });

  it('a disabled region: error rows under that region naming it; the other region lists; no "no credentials" welcome', async () => {
    await setSetting('regions', ['us-east-1', 'af-south-1']);
    const af = await child(api(), undefined, 'af-south-1');
    const groups = await children(api(), af);
    assert.deepEqual(await labels(api(), groups), ROOT_GROUPS);
    for (const g of groups) {
      const kids = await children(api(), g);
      assert.equal(kids.length, 1);
      const row = await api().resources.getTreeItem(kids[0]);
      assert.equal(row.label, 'Key rejected in af-south-1');
      assert.match(String(row.description), /^could not list (Studio domains|notebook instances|MLflow tracking servers or apps|partner AI apps)$/);
      assert.match((kids[0] as ErrorNode).message, /^SageMaker in af-south-1 did not accept the credentials .*\(UnrecognizedClientException\)\. The region may not be enabled for your AWS account/);
    }
    assert.equal(api().services.tree.viewState, 'ready');
    const east = await child(api(), undefined, 'us-east-1');
    const [domains] = await children(api(), east);
    assert.deepEqual(await labels(api(), await children(api(), domains)), ['ml-platform', 'research-lab', 'sandbox-pending']);
    assert.equal(api().services.tree.viewState, 'ready');
    assert.equal((await children(api())).length, 2, 'both regions still shown');
  });

  it('a network that is down: error rows; the view keeps its tree and buttons work again when it is back', async () => {
    await setSetting('endpointUrl', `http://127.0.0.1:${await closedPort()}`);
    const kids = await children(api(), await nodeAt(api(), 'Studio Domains'));
    assert.deepEqual(await labels(api(), kids), ['Network unreachable']);
    assert.equal(api().services.tree.viewState, 'ready');
  });

  it('an expired session token (holds in every region): the whole view says so, once, with Select AWS Profile', async () => {
    await setSetting('regions', ['us-east-1', 'eu-west-1']);
    await emulator.setFault({ operation: '*', kind: 'expiredToken' });
    await vscode.commands.executeCommand('sagemaker.refresh');
    // Every list of both regions asked at once (8 lists), as an open view would: each one fails.
    const groups = (await Promise.all((await children(api())).map((r) => children(api(), r)))).flat();
    assert.equal(groups.length, 2 * ROOT_GROUPS.length);
    await Promise.all(groups.map((g) => children(api(), g)));
    await waitFor(() => api().services.tree.viewState === 'noCredentials', 'the no-credentials welcome');
    assert.match(api().services.tree.viewMessage ?? '', /have expired \(ExpiredTokenException\)/);
    assert.deepEqual(await children(api()), [], 'the welcome replaces the tree');
    // One message for the session, not one per list or region.
    assert.deepEqual(prompter.errors.map((m) => m.text), [api().services.tree.viewMessage]);
    assert.ok(prompter.errors[0].buttons.includes('Select AWS Profile'), `buttons: ${prompter.errors[0].buttons.join(', ')}`);
    await emulator.clearFaults();
    await vscode.commands.executeCommand('sagemaker.refresh');
    assert.deepEqual(await labels(api(), await children(api())), ['us-east-1', 'eu-west-1']);
  });
});

describe('error rows: a label short enough for a default-width side bar', () => {
  it('every reason, in every region Select Regions offers, is at most 30 characters (the UI tier measures one as drawn)', () => {
    const kinds: AwsErrorKind[] = ['no-credentials', 'sso-expired', 'invalid-credentials', 'region-rejected', 'access-denied', 'not-found', 'validation', 'throttled', 'timeout', 'network', 'cancelled', 'service', 'unknown'];
    const errors: unknown[] = [new SettingsError('sagemaker.presignedUrl.sessionExpirationDurationInSeconds', 'x'), new UserFacingError('x'), new Error('x')];
    for (const region of [...KNOWN_REGIONS, 'ap-southeast-7']) {
      for (const kind of kinds) {
        errors.push(new AwsError(kind, 'x', { region, status: 503, code: 'ServiceQuotaExceededExceptionWithALongName' }));
      }
    }
    for (const e of errors) {
      const reason = shortReason(e);
      assert.ok(reason.length > 0 && reason.length <= 30, `"${reason}" (${e instanceof AwsError ? e.kind : String(e)})`);
    }
  });
});

describe('reliability matrix: bad input is refused with a message naming it, and no call is made', () => {
  const { api } = usePrompter();
  before(resetSettings);
  afterEach(async () => {
    await resetSettings();
    fs.writeFileSync(process.env.AWS_CONFIG_FILE!, '');
  });

  const rows: { input: string; key: string; value: unknown; state: string; message: RegExp }[] = [
    { input: 'regions of the wrong type', key: 'regions', value: 'us-east-1', state: 'invalidSettings', message: /"sagemaker\.regions" is "us-east-1"; it must be a list of region codes/ },
    { input: 'a bad region', key: 'regions', value: ['Frankfurt'], state: 'invalidSettings', message: /"sagemaker\.regions" has "Frankfurt"/ },
    { input: 'a malformed endpoint URL', key: 'endpointUrl', value: 'ftp://example.com', state: 'invalidSettings', message: /"sagemaker\.endpointUrl" is "ftp:\/\/example\.com"/ },
    { input: 'an endpoint URL of the wrong type', key: 'endpointUrl', value: 42, state: 'invalidSettings', message: /"sagemaker\.endpointUrl" is 42; it must be an http\(s\) URL/ },
    { input: 'a profile of the wrong type', key: 'profile', value: 7, state: 'invalidSettings', message: /"sagemaker\.profile" is 7/ },
    { input: 'a malformed profile name', key: 'profile', value: 'dev; rm -rf ~', state: 'invalidSettings', message: /"sagemaker\.profile" is "dev; rm -rf ~"; a profile name has/ },
    { input: 'a page size out of range', key: 'pageSize', value: 0, state: 'invalidSettings', message: /"sagemaker\.pageSize" is 0; it must be a whole number of items from 1 to 100/ },
    { input: 'a page size of the wrong type', key: 'pageSize', value: 'ten', state: 'invalidSettings', message: /"sagemaker\.pageSize" is "ten"/ },
    { input: 'a missing profile', key: 'profile', value: 'nobody', state: 'noCredentials', message: /^The AWS profile "nobody" \(from the sagemaker\.profile setting\) does not exist: it is not in .*aws-config or .*aws-credentials/ },
  ];

  for (const r of rows) {
    it(`${r.input} (sagemaker.${r.key} = ${JSON.stringify(r.value)}): ${r.state}, no call`, async () => {
      await settled(api());
      const before = await emulator.calls();
      await setSetting(r.key, r.value);
      await refused(r.state, r.message, before);
      // Nothing the user had is lost: fixing the setting brings the tree back.
      await resetSettings();
      await waitFor(async () => (await children(api())).length === ROOT_GROUPS.length, 'the tree again');
    });
  }

  it('a profile file that does not parse: the profile is not found, naming the files; no call', async () => {
    await settled(api());
    fs.writeFileSync(process.env.AWS_CONFIG_FILE!, '[profile dev\nregion = us-east-1\nnot ini at all\n');
    const before = await emulator.calls();
    await setSetting('profile', 'dev');
    await refused('noCredentials', /"dev" .* does not exist: it is not in .*aws-config or .*aws-credentials, which hold no profiles that can be read/, before);
  });

  /**
   * The view shows `state` with `message`; the refused input made no call (the tree shown before
   * it had finished its own listings: settled), and the poller, which read the old tree's passing
   * rows, has nothing left to read.
   */
  async function refused(state: string, message: RegExp, before: Record<string, number>): Promise<void> {
    // Asked for as the open view would: the roots, and the lists under them.
    await Promise.all((await children(api())).map((n) => children(api(), n)));
    await waitFor(() => api().services.tree.viewState === state, `the ${state} welcome`);
    assert.match(api().services.tree.viewMessage ?? '', message);
    await waitFor(() => api().services.poller.scheduled === 0, 'the poller has no row left to read');
    assert.deepEqual(await callsSince(before), {}, 'calls were made for a refused input');
  }
});

describe('late answers, refresh, waits, terminals and where settings are written (issue 10, items 2, 3, 11)', () => {
  const { api, prompter } = usePrompter();
  before(resetSettings);
  afterEach(async () => {
    await emulator.clearFaults();
    await emulator.reset();
    await resetSettings();
    fs.writeFileSync(process.env.AWS_CONFIG_FILE!, '');
  });

  it("an older tree's listing that fails after a refresh changes nothing in the new tree", async () => {
    await vscode.commands.executeCommand('sagemaker.refresh');
    // The old listing (MaxResults 100) hangs, is dropped after 1.5 s, and its retry meets an expired token.
    await emulator.setFault({ operation: 'ListDomains', kind: 'hang', latencyMs: 1500, times: 1, match: { MaxResults: 100 } });
    await emulator.setFault({ operation: 'ListDomains', kind: 'expiredToken', match: { MaxResults: 100 } });
    const oldDomains = await nodeAt(api(), 'Studio Domains');
    const late = children(api(), oldDomains);
    await new Promise((r) => setTimeout(r, 200));
    await setSetting('pageSize', 50); // a new tree, listing with MaxResults 50
    assert.deepEqual(await labels(api(), await children(api(), await nodeAt(api(), 'Studio Domains'))), ['ml-platform', 'research-lab', 'sandbox-pending']);
    await late;
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(api().services.tree.viewState, 'ready', 'the late failure turned the view into a welcome');
    assert.equal((await children(api())).length, ROOT_GROUPS.length, 'the late failure removed the roots');
  });

  it('Refresh reads the profile configuration again (an edited ~/.aws/config counts)', async () => {
    const config = process.env.AWS_CONFIG_FILE!;
    fs.writeFileSync(config, '[default]\nregion = us-east-1\n');
    await setSetting('regions', []);
    await vscode.commands.executeCommand('sagemaker.refresh');
    assert.equal(((await children(api()))[0] as GroupNode).region, 'us-east-1');
    fs.writeFileSync(config, '[default]\nregion = eu-west-1\n');
    await vscode.commands.executeCommand('sagemaker.refresh');
    assert.equal(((await children(api()))[0] as GroupNode).region, 'eu-west-1');
  });

  it('a start whose wait fails shows the real state on the row, not "Pending"', async () => {
    await vscode.commands.executeCommand('sagemaker.refresh');
    const nb = (await nodeAt(api(), 'Notebook Instances', 'churn-model-training')) as NotebookNode;
    assert.equal(nb.notebook.status, 'Stopped');
    // The wait's first poll fails (three attempts); the read after it comes once the instance is InService.
    await emulator.setFault({ operation: 'DescribeNotebookInstance', kind: 'http5xx', times: 3 });
    await emulator.setFault({ operation: 'DescribeNotebookInstance', kind: 'latency', latencyMs: 1500, times: 1 });
    await vscode.commands.executeCommand('sagemaker.start', nb);
    assert.equal(prompter.errors.length, 1, 'the failed wait is reported');
    const rows = [...api().services.tree.loadedNodes()].filter((n: Node): n is NotebookNode => n.kind === 'notebook' && (n).notebook.notebookInstanceName === 'churn-model-training');
    assert.ok(rows.length > 0);
    for (const r of rows) {
      assert.equal(r.notebook.status, 'InService', 'the row shows what SageMaker says now');
    }
    await vscode.commands.executeCommand('sagemaker.stop', rows[0]);
    await emulator.reset();
  });

  it('Sign In reuses its terminal', async () => {
    fs.writeFileSync(process.env.AWS_CONFIG_FILE!, '[profile sso-dev]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Dev\nregion = us-east-1\n');
    await setSetting('profile', 'sso-dev');
    const before = vscode.window.terminals.length;
    await vscode.commands.executeCommand('sagemaker.signIn');
    await waitFor(() => vscode.window.terminals.length === before + 1, 'a sign-in terminal');
    await vscode.commands.executeCommand('sagemaker.signIn');
    await new Promise((r) => setTimeout(r, 500));
    const signIn = vscode.window.terminals.filter((t) => t.name === 'AWS sign-in');
    assert.equal(signIn.length, 1, 'two sign-in terminals');
    signIn.forEach((t) => t.dispose());
  });

  it('a connection setting edited where a remote window reads it (the remote settings file): the tree reloads, and a command uses the same connection', async () => {
    const userData = process.env.SAGEMAKER_TEST_USER_DATA_DIR;
    assert.ok(userData, 'SAGEMAKER_TEST_USER_DATA_DIR not set by the harness');
    const file = path.join(userData, 'Machine', 'settings.json');
    const original = fs.readFileSync(file, 'utf8');
    await settled(api());
    assert.equal(((await children(api()))[0] as GroupNode).region, 'us-east-1');
    try {
      // As a user editing "Preferences: Open Remote Settings": the file, not the settings API.
      const edited = { ...(JSON.parse(original) as Record<string, unknown>), 'sagemaker.regions': ['eu-west-1'] };
      fs.writeFileSync(file, JSON.stringify(edited, null, 2));
      await waitFor(async () => ((await children(api()))[0] as GroupNode | undefined)?.region === 'eu-west-1', 'the tree reloaded for eu-west-1', 30_000);
      const shown = await labels(api(), await children(api(), await nodeAt(api(), 'Notebook Instances')));
      assert.deepEqual([...shown].sort(), ['eu-batch-scoring', 'gdpr-audit-notebook'], "eu-west-1's notebook instances");
      // A command from the palette offers what the tree shows, and opens it through the same connection.
      prompter.script({ pick: 'gdpr-audit-notebook' });
      await vscode.commands.executeCommand('sagemaker.openNotebookJupyterLab');
      assert.deepEqual(prompter.picks[0].items.map((i) => i.label).sort(), [...shown].sort());
      assert.equal(prompter.opened.length, 1);
      const url = prompter.opened[0].toString(true);
      assert.equal(new URL(url).origin, new URL(emulatorUrl()).origin);
      const page = await visit(url);
      assert.equal(page.status, 200);
      assert.match(page.body, /gdpr-audit-notebook/);
      prompter.assertDone();
    } finally {
      fs.writeFileSync(file, original);
      await waitFor(() => JSON.stringify(vscode.workspace.getConfiguration('sagemaker').get('regions')) !== '["eu-west-1"]', 'the remote settings file read again');
    }
  });

  it('Select Regions writes where a remote window reads machine-scoped settings; an unrelated user-settings edit keeps them', async () => {
    const userData = process.env.SAGEMAKER_TEST_USER_DATA_DIR;
    assert.ok(userData, 'SAGEMAKER_TEST_USER_DATA_DIR not set by the harness');
    prompter.script({ pickMany: ['eu-west-1'] });
    await vscode.commands.executeCommand('sagemaker.selectRegions');
    const machine = JSON.parse(fs.readFileSync(path.join(userData, 'Machine', 'settings.json'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(machine['sagemaker.regions'], ['eu-west-1'], 'written to the remote settings');
    const user = fs.readFileSync(path.join(userData, 'User', 'settings.json'), 'utf8');
    assert.doesNotMatch(user, /sagemaker\.regions/, 'not in user settings, where a remote window drops it');
    await vscode.workspace.getConfiguration('workbench').update('tips.enabled', true, vscode.ConfigurationTarget.Global);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(vscode.workspace.getConfiguration('sagemaker').get('regions'), ['eu-west-1']);
    assert.equal(((await children(api()))[0] as GroupNode).region, 'eu-west-1', 'the tree follows the effective settings');
    await vscode.workspace.getConfiguration('workbench').update('tips.enabled', false, vscode.ConfigurationTarget.Global);
  });
});
