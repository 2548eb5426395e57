import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startEmulator, type AppRecord, type EmulatorData, type Fault, type RunningEmulator, type SpaceRecord } from '../emulator/index';
import { resetSettings, safe, setSetting, usePrompter } from './helpers';

/**
 * The palette's space pick against a SageMaker endpoint of its own (started here, in the
 * extension host) holding a domain where most of a profile's spaces are missing from the
 * domain's first ListApps page, so their states come one call each, after the spaces show.
 */

const DOMAIN = 'd-palette00001';
const DOMAIN_NAME = 'palette-lab';
const t = (minutes: number): string => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString();
/** Shared spaces "s-00".."s-09": s-00 and s-01 ran last (in the first ListApps page); s-09 never ran. */
const SHARED = Array.from({ length: 10 }, (_, i) => `s-${String(i).padStart(2, '0')}`);
const label = (name: string): string => `Shared ${name.slice(2)}`;
/** What each space's app state is once known. */
const STATE: Record<string, string> = { 'me-lab': 'Running', ...Object.fromEntries(SHARED.map((n, i) => [n, i === 9 ? 'Stopped' : i % 3 === 2 ? 'Stopped' : 'Running'])) };
/** The spaces of "me" whose state the first ListApps page does not show: 9, so two waves of state calls. */
const UNKNOWN_AT_FIRST = ['me-lab', ...SHARED.slice(2)];

function data(): EmulatorData {
  const spaces: SpaceRecord[] = [
    { domainId: DOMAIN, spaceName: 'me-lab', spaceDisplayName: 'My Lab', status: 'InService', appType: 'JupyterLab', sharingType: 'Private', ownerUserProfileName: 'me', creationTime: t(1), lastModifiedTime: t(1) },
  ];
  const apps: AppRecord[] = [{ domainId: DOMAIN, appType: 'JupyterLab', appName: 'default', spaceName: 'me-lab', status: 'InService', creationTime: t(50) }];
  SHARED.forEach((name, i) => {
    spaces.push({ domainId: DOMAIN, spaceName: name, spaceDisplayName: label(name), status: 'InService', appType: 'CodeEditor', sharingType: 'Shared', creationTime: t(10 + i), lastModifiedTime: t(10 + i) });
    if (i < 9) {
      apps.push({ domainId: DOMAIN, appType: 'CodeEditor', appName: 'default', spaceName: name, status: STATE[name] === 'Running' ? 'InService' : 'Deleted', creationTime: t(i < 2 ? 10_000 + i : 100 + i) });
    }
  });
  // Others' private spaces, whose 150 newer apps fill the domain's first ListApps page.
  for (let i = 0; i < 5; i++) {
    spaces.push({ domainId: DOMAIN, spaceName: `other-${i}`, status: 'InService', appType: 'JupyterLab', sharingType: 'Private', ownerUserProfileName: `user-${i}`, creationTime: t(i), lastModifiedTime: t(i) });
  }
  for (let i = 0; i < 150; i++) {
    apps.push({ domainId: DOMAIN, appType: 'JupyterLab', appName: 'default', spaceName: `other-${i % 5}`, status: 'Deleted', creationTime: t(1000 + i) });
  }
  return {
    accountId: '123456789012',
    regions: {
      'us-east-1': {
        domains: [{ domainId: DOMAIN, domainName: DOMAIN_NAME, status: 'InService', authMode: 'IAM', creationTime: t(0), lastModifiedTime: t(0) }],
        userProfiles: ['me', ...Array.from({ length: 5 }, (_, i) => `user-${i}`)].map((name) => ({ domainId: DOMAIN, userProfileName: name, status: 'InService' as const, creationTime: t(0), lastModifiedTime: t(0) })),
        spaces,
        apps,
        notebookInstances: [],
      },
    },
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('the palette\'s space pick: spaces first, states filling in (an endpoint of its own)', () => {
  const { prompter } = usePrompter();
  let emu: RunningEmulator;
  const calls = (operation: string): number => emu.callCount(operation);
  /** The faults still set (a fault with `times` goes once used up). */
  const faultsLeft = async (): Promise<Fault[]> => ((await (await fetch(`${emu.adminUrl}/faults`)).json()) as { faults: Fault[] }).faults;
  /** Slow state calls (one space each): the pick is shown, and answered, while they are in flight. */
  const slowStateCalls = (latencyMs: number): void => emu.setFault({ operation: 'ListApps', kind: 'latency', latencyMs, match: { MaxResults: 1 } });

  before(async () => {
    emu = await startEmulator({ data: data(), transitionDelayMs: 200 });
    await setSetting('regions', ['us-east-1']);
    await setSetting('endpointUrl', emu.url);
  });
  after(async () => {
    await resetSettings();
    await emu.stop();
  });
  beforeEach(() => {
    emu.reset(); // data, faults, counts, presigned URLs
  });
  afterEach(() => prompter.assertDone());

  /** The newest presigned URL the endpoint made: for which space and profile. */
  function lastGrant(): { spaceName?: string; userProfileName?: string } {
    const grants = emu.presignedGrants();
    assert.ok(grants.length > 0, 'no presigned URL was made');
    return grants[grants.length - 1];
  }

  async function copiedUrl(): Promise<string> {
    const url = await vscode.env.clipboard.readText();
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/auth\?token=/, `the clipboard holds ${safe(url)}`);
    return url;
  }

  /** A row's description without how long it has run (the tree's running facts, as the row shows them); asserts it is there on a running row. */
  function withoutRunningTime(description: string | undefined): string | undefined {
    if (description?.endsWith('· Running') === true) {
      assert.fail(`a running space's row says how long it has run: ${description}`);
    }
    return description?.replace(/(· Running) · (\d+ d( \d+ h)?|\d+ h( \d+ min)?|\d+ min|less than a minute)$/, '$1');
  }

  it('shows the spaces before their states are known ("checking…"), fills each in, then copies the URL of the one picked', async () => {
    prompter.script({ pick: DOMAIN_NAME }, { pick: 'me' }, { pick: label('s-05') });
    await vscode.commands.executeCommand('sagemaker.copySpaceUrl');
    const pick = prompter.picks[2];
    assert.equal(pick.title, `Space for me in ${DOMAIN_NAME}`);
    // As first shown: every space, those the first ListApps page showed with their state.
    assert.deepEqual(pick.firstPage?.map((i) => i.label), ['My Lab', ...SHARED.map(label)]);
    assert.deepEqual(pick.firstPage?.map((i) => withoutRunningTime(i.description)), [
      'JupyterLab · Private · checking…',
      'CodeEditor · Shared · Running',
      'CodeEditor · Shared · Running',
      ...SHARED.slice(2).map(() => 'CodeEditor · Shared · checking…'),
    ]);
    // Then each filled in, in place (same order), by waves of at most 6 calls: two updates.
    assert.deepEqual(pick.items.map((i) => i.label), ['My Lab', ...SHARED.map(label)]);
    assert.deepEqual(
      pick.items.map((i) => withoutRunningTime(i.description)),
      ['me-lab', ...SHARED].map((n) => `${n === 'me-lab' ? 'JupyterLab · Private' : 'CodeEditor · Shared'} · ${STATE[n]}`),
    );
    assert.equal(pick.updates, 2);
    await copiedUrl();
    assert.deepEqual(lastGrant().spaceName, 's-05');
    assert.deepEqual(lastGrant().userProfileName, 'me');
    assert.equal(calls('ListSpaces'), 1);
    assert.equal(calls('ListApps'), 1 + UNKNOWN_AT_FIRST.length, 'the first page, then one call per space it did not show');
    assert.equal(calls('DescribeSpace'), 0, 'ownership comes with the listing');
    assert.equal(calls('CreatePresignedDomainUrl'), 1);
  });

  it('a space whose state could not be read says so once the pick has loaded, and can still be copied', async () => {
    emu.setFault({ operation: 'ListApps', kind: 'accessDenied', match: { SpaceName: 's-04' } });
    prompter.script({ pick: DOMAIN_NAME }, { pick: 'me' }, { pick: label('s-04') });
    await vscode.commands.executeCommand('sagemaker.copySpaceUrl');
    const items = prompter.picks[2].items;
    assert.equal(items.find((i) => i.label === label('s-04'))?.description, 'CodeEditor · Shared · state not read (see the log)');
    assert.equal(items.find((i) => i.label === label('s-05'))?.description, `CodeEditor · Shared · ${STATE['s-05']}`, 'the others filled in');
    await copiedUrl();
    assert.equal(lastGrant().spaceName, 's-04');
  });

  it('copies the URL of a space picked before its state is known, asking no state for it; the state calls stop with the pick', async () => {
    slowStateCalls(1500);
    prompter.script({ pick: DOMAIN_NAME }, { pick: 'me' }, { pick: label('s-08'), asSoonAsShown: true });
    await vscode.commands.executeCommand('sagemaker.copySpaceUrl');
    assert.equal(prompter.picks[2].items.find((i) => i.label === label('s-08'))?.description, 'CodeEditor · Shared · checking…', 'picked while its state was unknown');
    const url = await copiedUrl();
    assert.equal(lastGrant().spaceName, 's-08', `copied ${safe(url)}`);
    assert.equal(lastGrant().userProfileName, 'me');
    await sleep(2000); // past the first wave's answers: a second wave would have gone out by now
    assert.equal(calls('CreatePresignedDomainUrl'), 1);
    assert.equal(calls('DescribeSpace'), 0);
    assert.ok(calls('ListApps') <= 1 + 6, `ListApps calls: ${calls('ListApps')} (the first page and at most the first wave of 6, not all ${UNKNOWN_AT_FIRST.length})`);
  });

  it('opens a space picked before its state is known after asking its state with one ListApps call', async () => {
    // s-07 is in the second wave, which the pick never lets go out: the two markers count its calls.
    emu.setFault({ operation: 'ListApps', kind: 'latency', latencyMs: 1, times: 1, match: { SpaceName: 's-07' } });
    emu.setFault({ operation: 'ListApps', kind: 'latency', latencyMs: 1, times: 1, match: { SpaceName: 's-07' } });
    slowStateCalls(1500);
    prompter.script({ pick: DOMAIN_NAME }, { pick: 'me' }, { pick: label('s-07'), asSoonAsShown: true });
    await vscode.commands.executeCommand('sagemaker.openSpace');
    assert.equal(prompter.opened.length, 1, 'the space was opened');
    assert.match(prompter.opened[0].toString(true), /\/auth\?token=/);
    assert.equal(lastGrant().spaceName, 's-07');
    const left = (await faultsLeft()).filter((f) => f.match?.SpaceName === 's-07');
    assert.equal(left.length, 1, 'exactly one ListApps call asked the state of s-07');
    assert.equal(calls('DescribeSpace'), 0);
    assert.deepEqual(prompter.messages.filter((m) => m.modal), [], 'it runs: no question to start it');
  });

  it('Escape on the space pick stops the state calls', async () => {
    slowStateCalls(500);
    prompter.script({ pick: DOMAIN_NAME }, { pick: 'me' }, { cancel: true, asSoonAsShown: true });
    await vscode.commands.executeCommand('sagemaker.copySpaceUrl');
    assert.ok(prompter.picks[2].firstPage?.some((i) => i.description?.endsWith('checking…')), 'closed while states were still coming');
    await sleep(1500);
    assert.ok(calls('ListApps') <= 1 + 6, `ListApps calls: ${calls('ListApps')} (the first page and at most the first wave of 6, not all ${UNKNOWN_AT_FIRST.length})`);
    assert.equal(calls('CreatePresignedDomainUrl'), 0);
  });

  it('Start on a space picked before its state is known asks its state first: a stopped one starts, a running one is refused', async () => {
    slowStateCalls(300);
    // s-09 never ran (Stopped), s-03 runs; both still "checking…" when picked.
    prompter.script({ pick: 'Space' }, { pick: DOMAIN_NAME }, { pick: 'me' }, { pick: label('s-09'), asSoonAsShown: true });
    await vscode.commands.executeCommand('sagemaker.start');
    assert.equal(calls('CreateApp'), 1);
    prompter.script({ pick: 'Space' }, { pick: DOMAIN_NAME }, { pick: 'me' }, { pick: label('s-03'), asSoonAsShown: true });
    await vscode.commands.executeCommand('sagemaker.start');
    assert.equal(prompter.picks[7].items.find((i) => i.label === label('s-03'))?.description, 'CodeEditor · Shared · checking…');
    assert.match(prompter.errors.map((e) => e.text).join('\n'), /space Shared 03 is already running/);
    prompter.messages.length = 0;
    assert.equal(calls('CreateApp'), 1, 'no CreateApp for the running space');
  });
});
