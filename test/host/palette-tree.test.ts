import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DomainNode } from '../../src/tree/domain';
import type { GroupNode } from '../../src/tree/group';
import type { PickRequest } from '../../src/prompter';
import { startEmulator, type EmulatorData, type RunningEmulator } from '../emulator/index';
import { children, labels, nodeAt, resetSettings, setSetting, usePrompter, waitFor } from './helpers';

/**
 * The palette walks what the tree knows: its picks offer the tree's rows when the tree has them
 * loaded and fresh (no call), with the tree's paging ("Load more…" loads the tree's own next
 * page), and a tree refresh while a pick is open leaves the pick answering. Against an endpoint
 * of its own, with nothing in a passing state (no poller call is counted with the picks').
 */

const t = (minutes: number): string => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString();
const DOMAINS = ['alpha-lab', 'beta-lab', 'gamma-lab'];
const idOf = (name: string): string => `d-${name.replace('-', '').padEnd(12, '0')}`;

function data(): EmulatorData {
  return {
    accountId: '123456789012',
    regions: {
      'us-east-1': {
        domains: DOMAINS.map((name, i) => ({ domainId: idOf(name), domainName: name, status: 'InService' as const, authMode: 'IAM' as const, creationTime: t(i), lastModifiedTime: t(i) })),
        userProfiles: DOMAINS.flatMap((name) =>
          ['ana', 'ben'].map((user) => ({ domainId: idOf(name), userProfileName: user, status: 'InService' as const, creationTime: t(5), lastModifiedTime: t(5) })),
        ),
        spaces: [],
        apps: [],
        notebookInstances: [{ notebookInstanceName: 'nb-tree', status: 'InService', instanceType: 'ml.t3.medium', creationTime: t(1), lastModifiedTime: t(1) }],
        mlflowTrackingServers: [
          { trackingServerName: 'tracker-one', status: 'Started', mlflowVersion: '2.16.2', trackingServerSize: 'Small', artifactStoreUri: 's3://bucket/one', creationTime: t(1), lastModifiedTime: t(1) },
        ],
        mlflowApps: [{ appId: 'app-0000000001', name: 'app-one', status: 'Created', mlflowVersion: '2.16.2', artifactStoreUri: 's3://bucket/app', creationTime: t(1), lastModifiedTime: t(1) }],
      },
    },
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('the palette walks what the tree knows (an endpoint of its own)', () => {
  const { api, prompter, real } = usePrompter();
  let emu: RunningEmulator;
  /** The SageMaker operations that reached the endpoint since the counts were reset, each once per call. */
  const operations = (): string[] => emu.callArrivals().map((a) => a.operation);
  /** Waits until no call arrives for a while, then starts counting afresh. */
  async function quietThenCount(): Promise<void> {
    let last = -1;
    await waitFor(async () => {
      await new Promise((r) => setTimeout(r, 300));
      const n = emu.callCount();
      const still = n === last;
      last = n;
      return still;
    }, 'no call for 300 ms');
    emu.resetCallCounts();
  }
  const domainsGroup = (): Promise<GroupNode> => nodeAt(api(), 'Studio Domains') as Promise<GroupNode>;
  /** The domains in the order the endpoint lists them (the tree's rows with one page of all). */
  async function domainOrder(): Promise<string[]> {
    const all = await labels(api(), await children(api(), await domainsGroup()));
    assert.deepEqual([...all].sort(), DOMAINS);
    return all;
  }

  before(async () => {
    emu = await startEmulator({ data: data() });
    await setSetting('regions', ['us-east-1']);
    await setSetting('endpointUrl', emu.url);
  });
  after(async () => {
    await resetSettings();
    await emu.stop();
  });
  beforeEach(async () => {
    emu.reset();
    await setSetting('pageSize', undefined);
    await vscode.commands.executeCommand('sagemaker.refresh');
  });
  afterEach(() => prompter.assertDone());

  it('copies the Studio URL of a profile the tree shows with one call, the URL\'s: the picks are the tree\'s rows', async () => {
    const domain = (await nodeAt(api(), 'Studio Domains', 'beta-lab')) as DomainNode;
    const profiles = await children(api(), domain);
    await waitFor(() => domain.domain.authMode, 'the tree learned how beta-lab signs in');
    await quietThenCount();
    prompter.script({ pick: 'beta-lab' }, { pick: 'ben' });
    await vscode.commands.executeCommand('sagemaker.copyStudioUrl');
    assert.deepEqual(operations(), ['CreatePresignedDomainUrl'], 'no ListDomains, DescribeDomain or ListUserProfiles');
    const grant = emu.presignedGrants().at(-1);
    assert.equal(grant?.domainId, idOf('beta-lab'));
    assert.equal(grant?.userProfileName, 'ben');
    // The same rows as the tree: labels and descriptions, in its order.
    const rows = async (nodes: readonly import('../../src/tree/nodes').Node[]) =>
      Promise.all(nodes.map(async (n) => { const i = await api().resources.getTreeItem(n); return { label: typeof i.label === 'string' ? i.label : (i.label?.label ?? ''), description: i.description as string | undefined }; }));
    assert.deepEqual(prompter.picks[0].items, await rows(await children(api(), await domainsGroup())));
    assert.deepEqual(prompter.picks[1].items, await rows(profiles));
  });

  it('a list the tree has not loaded is read for the pick, a page at a time; the tree\'s own list is not touched', async () => {
    const [first] = await domainOrder();
    await setSetting('pageSize', 1);
    const domain = (await nodeAt(api(), 'Studio Domains', first)) as DomainNode;
    await quietThenCount();
    prompter.script({ pick: first }, { pick: 'ben' });
    await vscode.commands.executeCommand('sagemaker.copyStudioUrl');
    assert.deepEqual(operations().filter((o) => o !== 'CreatePresignedDomainUrl').sort(), ['DescribeDomain', 'ListUserProfiles', 'ListUserProfiles']);
    assert.equal(prompter.picks[1].loadMores, 1, '"Load more…" once for ben, on the second page');
    assert.equal(domain.listing.loaded, false, 'the tree lists the domain\'s profiles when it is expanded');
    assert.equal(emu.presignedGrants().at(-1)?.userProfileName, 'ben');
  });

  it('"Load more…" in a pick over the tree\'s list loads the tree\'s next page (the tree shows it too)', async () => {
    const order = await domainOrder();
    await setSetting('pageSize', 1);
    const group = await domainsGroup();
    assert.deepEqual(await labels(api(), await children(api(), group)), [order[0], 'Load more…']);
    await quietThenCount();
    prompter.script({ loadMore: true }, { cancel: true });
    await vscode.commands.executeCommand('sagemaker.copyStudioUrl');
    const pick = prompter.picks[0];
    assert.deepEqual(pick.firstPage?.map((i) => i.label), [order[0]], 'the tree\'s first page, as it is');
    assert.deepEqual(pick.items.map((i) => i.label), order.slice(0, 2));
    assert.equal(pick.loadMores, 1);
    assert.equal(pick.more, true, 'a third domain to come: the pick ends with "Load more…"');
    assert.deepEqual(operations(), ['ListDomains'], 'one call: the page asked for');
    assert.deepEqual(await labels(api(), await children(api(), group)), [...order.slice(0, 2), 'Load more…'], 'the tree\'s list holds that page too');
  });

  it('a tree refresh while a pick is open leaves it open: "Load more…" still brings the next page and the pick answers', async () => {
    const order = await domainOrder();
    await setSetting('pageSize', 1);
    assert.deepEqual(await labels(api(), await children(api(), await domainsGroup())), [order[0], 'Load more…']);
    let refreshed = false;
    const refresh = async (): Promise<void> => {
      await vscode.commands.executeCommand('sagemaker.refresh');
      await children(api(), await domainsGroup()); // the tree's new list, loaded and drawn
      refreshed = true;
    };
    prompter.script({ loadMore: true, first: refresh }, { pick: order[1] }, { pick: 'ana' });
    await vscode.commands.executeCommand('sagemaker.copyStudioUrl');
    assert.ok(refreshed, 'the tree was refreshed while the pick was open');
    assert.deepEqual(prompter.picks[0].items.map((i) => i.label), order.slice(0, 2));
    const grant = emu.presignedGrants().at(-1);
    assert.equal(grant?.domainId, idOf(order[1]));
    assert.equal(grant?.userProfileName, 'ana');
  });

  it('in VS Code\'s own quick pick, "Load more…" brings the next page without closing it, also after a tree refresh', async () => {
    const order = await domainOrder();
    await setSetting('pageSize', 1);
    await children(api(), await domainsGroup());
    // The domain pick is VS Code's quick pick, answered through the workbench's commands; the rest is scripted.
    let asked = 0;
    const scripted = prompter;
    // What the pick's loader gave VS Code's quick pick: its pages, and how often it offered "Load more…".
    const pages: string[][] = [];
    let offers = 0;
    const observed = <T>(request: PickRequest<T>): PickRequest<T> => {
      const load = request.items;
      if (typeof load !== 'function') {
        return request;
      }
      return {
        ...request,
        items: async function* (signal, updates) {
          const more = (): Promise<boolean> => {
            offers++;
            return updates.more();
          };
          for await (const page of load(signal, { ...updates, more })) {
            pages.push(page.map((i) => i.label));
            yield page;
          }
        },
      };
    };
    api().setPrompter({
      pick: (request) => (++asked === 1 ? real().pick(observed(request)) : scripted.pick(request)),
      pickMany: (request) => scripted.pickMany(request),
      input: (request) => scripted.input(request),
      message: (level, text, buttons, modal) => scripted.message(level, text, buttons, modal),
      openExternal: (uri) => scripted.openExternal(uri),
    });
    try {
      prompter.script({ pick: 'ana' });
      let finished = false;
      const copied = Promise.resolve(vscode.commands.executeCommand('sagemaker.copyStudioUrl')).finally(() => (finished = true));
      await waitFor(() => asked === 1, 'the domain pick is shown');
      await sleep(500); // the tree's first page, then "Load more…"
      await vscode.commands.executeCommand('sagemaker.refresh');
      await children(api(), await domainsGroup());
      await sleep(300);
      assert.equal(finished, false, 'the refresh closed the pick');
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext'); // "Load more…"
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await sleep(1000); // the next page read and shown, its first item active
      assert.equal(finished, false, '"Load more…" closed the pick');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await copied;
    } finally {
      api().setPrompter(scripted);
    }
    assert.equal(asked, 2, 'the domain pick, then the profile pick');
    assert.deepEqual(pages, [[order[0]], [order[1]]], 'the tree\'s first page, then the next one on request');
    assert.equal(offers, 2, '"Load more…" after each page (a third domain is left)');
    const grant = emu.presignedGrants().at(-1);
    assert.equal(grant?.domainId, idOf(order[1]), 'the domain of the page "Load more…" brought');
    assert.equal(grant?.userProfileName, 'ana');
  });

  it('a list the tree loaded over 5 minutes ago is listed again for the pick; the tree\'s list stays as it is', async () => {
    const group = await domainsGroup();
    const rows = await children(api(), group);
    group.listing.loadedAt = Date.now() - 5 * 60_000 - 1;
    await quietThenCount();
    prompter.script({ pick: 'gamma-lab' }, { cancel: true });
    await vscode.commands.executeCommand('sagemaker.copyStudioUrl');
    assert.equal(operations().filter((o) => o === 'ListDomains').length, 1, 'the domains listed again');
    assert.deepEqual(await children(api(), group), rows, 'the tree\'s rows as they were');
  });

  it('the MLflow picks: the tree\'s rows of their kind with no call; without the group in the tree, only their own list', async () => {
    await children(api(), await nodeAt(api(), 'MLflow'));
    await quietThenCount();
    prompter.script({ pick: 'app-one' }, { pick: 'tracker-one' });
    await vscode.commands.executeCommand('sagemaker.copyMlflowAppUrl');
    await vscode.commands.executeCommand('sagemaker.copyMlflowTrackingServerUrl');
    assert.deepEqual(operations(), ['CreatePresignedMlflowAppUrl', 'CreatePresignedMlflowTrackingServerUrl']);
    assert.deepEqual(
      prompter.picks.map((p) => p.items.map((i) => `${i.label}: ${i.description?.replace(/ · since .*$/, ' · since …')}`)),
      [['app-one: Created · MLflow app'], ['tracker-one: Started · MLflow 2.16.2 · since …']],
    );
    await setSetting('resourceTypes', ['studioDomains', 'notebookInstances']);
    try {
      await children(api());
      await quietThenCount();
      prompter.script({ pick: 'app-one' }, { pick: 'tracker-one' });
      await vscode.commands.executeCommand('sagemaker.copyMlflowAppUrl');
      await vscode.commands.executeCommand('sagemaker.copyMlflowTrackingServerUrl');
      assert.deepEqual(operations(), ['ListMlflowApps', 'CreatePresignedMlflowAppUrl', 'ListMlflowTrackingServers', 'CreatePresignedMlflowTrackingServerUrl']);
    } finally {
      await setSetting('resourceTypes', undefined);
    }
  });

  it('the notebook instance pick offers the tree\'s rows with no List call', async () => {
    await children(api(), await nodeAt(api(), 'Notebook Instances'));
    await quietThenCount();
    prompter.script({ pick: 'nb-tree' });
    await vscode.commands.executeCommand('sagemaker.copyNotebookUrl');
    assert.deepEqual(operations(), ['CreatePresignedNotebookInstanceUrl']);
    assert.match(prompter.picks[0].items[0].description ?? '', /^InService · ml\.t3\.medium · since \S/);
  });
});
