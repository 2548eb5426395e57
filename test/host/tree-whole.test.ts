import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ListNode, Node } from '../../src/tree/nodes';
import { children, emulator, nodeAt, resetSettings, setSetting, usePrompter, waitFor } from './helpers';

/**
 * The reported ways the tree lost its rows, each reproduced as a user does it (the keyboard in the
 * real view, so VS Code itself asks for the rows and redraws them) with the endpoint's timing
 * that made it happen. After each, VS Code must show and select every row the tree holds there,
 * handing back that very node. (The property-based test, tree-orders.test.ts, explores the
 * orders around these.)
 */
describe('the tree stays whole: the reported sequences', function () {
  this.timeout(120_000);
  const { api } = usePrompter();
  const tree = () => api().services.tree;
  const view = () => api().services.treeView;

  beforeEach(async () => {
    await resetSettings();
    await setSetting('showLastKnownTree', false);
    await emulator.reset();
    await vscode.commands.executeCommand('workbench.view.extension.sagemaker');
    tree().refresh();
  });
  after(async () => {
    await emulator.reset();
    await setSetting('showLastKnownTree', false);
    await resetSettings();
  });

  /**
   * Puts the keyboard focus on this row (VS Code's reveal, selecting it) and waits until VS Code's
   * selection is this very node. Only for a row VS Code already shows (the tree settled): revealing
   * one it has not drawn yet makes VS Code 1.100 fetch its parent a second time.
   */
  async function keyboardTo(node: Node): Promise<boolean> {
    await new Promise((r) => setTimeout(r, 300)); // VS Code's redraws (debounced by 200 ms)
    await Promise.resolve(view().reveal(node, { select: true, focus: true, expand: false })).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
    return view().selection[0] === node;
  }

  /**
   * Expands a row as with the keyboard (→), its parents first when VS Code shows them closed.
   * `meanwhile` runs once VS Code has asked for the row's list (its page on its way).
   */
  async function expandWithKeyboard(node: Node, meanwhile?: () => void): Promise<void> {
    const chain: Node[] = [];
    for (let n: Node | undefined = node; n; n = n.parent) {
      chain.unshift(n);
    }
    for (const n of chain) {
      await waitFor(() => keyboardTo(n), `the keyboard reaches ${n.id}`);
      await vscode.commands.executeCommand('list.expand');
    }
    if (meanwhile) {
      // Not asked: VS Code holds another element for that row, and the row stays empty.
      await waitFor(() => (node as ListNode).listing.loading !== undefined, `VS Code asked for the rows of ${node.id}`);
      meanwhile();
    }
    await waitFor(() => tree().isOpen(node as ListNode), `VS Code expanded ${node.id}`);
  }

  /** VS Code selects each row and hands back that very node (what a context-menu command receives). */
  async function assertVsCodeShows(rows: readonly Node[]): Promise<void> {
    for (const n of rows) {
      // Asked again while VS Code may still be drawing the last redraws: a row it lost never comes.
      await waitFor(async () => {
        await Promise.resolve(view().reveal(n, { select: true, focus: false, expand: false })).catch(() => undefined);
        return view().selection.length === 1 && view().selection[0] === n;
      }, `VS Code shows and selects ${n.id} (it holds ${view().selection.map((s) => s.id).join(', ') || 'nothing'})`, 10_000);
    }
  }

  it('a domain expanded while its profiles are slow and DescribeDomain answers first: the profiles show, and VS Code holds them', async () => {
    const domain = await nodeAt(api(), 'Studio Domains', 'ml-platform');
    await emulator.setFault({ operation: 'ListUserProfiles', kind: 'latency', latencyMs: 1_500, times: 1 });
    await expandWithKeyboard(domain);
    await waitFor(() => (domain as ListNode).listing.loaded, 'the profiles came');
    await new Promise((r) => setTimeout(r, 500)); // VS Code's redraws (debounced by 200 ms)
    const profiles = await children(api(), domain);
    assert.deepEqual(profiles.map((p) => p.id.split('/').pop()), ['user:alice', 'user:bob', 'user:carol', 'user:dave-data-eng']);
    await assertVsCodeShows(profiles);
  });

  it('a profile expanded, its spaces slow, its domain redrawn meanwhile (a describe or the poller with news of it): the spaces show, and VS Code holds them', async () => {
    const domain = await nodeAt(api(), 'Studio Domains', 'ml-platform');
    await emulator.setFault({ operation: 'ListSpaces', kind: 'latency', latencyMs: 1_500, times: 1 });
    await expandWithKeyboard(domain);
    const alice = await waitFor(async () => (await tree().getChildren(domain))?.find((n) => n.id.endsWith('/user:alice')), 'alice shows');
    assert.ok(domain.kind === 'domain');
    // While alice's spaces are on their way, the domain's row changes (what DescribeDomain
    // answering alongside, or the poller, does): VS Code draws it again, with its rows.
    await expandWithKeyboard(alice, () => tree().updateDomain({ ...domain.domain, status: 'Updating' }));
    await waitFor(() => (alice as ListNode).listing.loaded, 'alice\'s spaces came');
    await new Promise((r) => setTimeout(r, 500));
    const spaces = await children(api(), alice);
    assert.ok(spaces.length >= 2, `alice shows ${spaces.map((s) => s.id).join(', ')}`);
    await assertVsCodeShows([alice, ...spaces]);
  });

  it('"Load more…" on rows from the last-known tree while the fresh first page is on its way: the next page is added, and VS Code holds every row', async () => {
    await setSetting('showLastKnownTree', true);
    await setSetting('pageSize', 2);
    const domain = await nodeAt(api(), 'Studio Domains', 'ml-platform');
    await expandWithKeyboard(domain);
    await waitFor(async () => (await children(api(), domain)).some((n) => n.kind === 'loadMore'), 'ml-platform ends in Load more');
    await api().lastKnown.flush();
    // A new window: the kept tree shows at once; its fresh lists are slow.
    await emulator.setFault({ operation: 'ListUserProfiles', kind: 'latency', latencyMs: 1_000, times: 2 });
    tree().refresh({ lastKnown: true });
    const restored = await nodeAt(api(), 'Studio Domains', 'ml-platform');
    assert.ok(tree().isLastKnown((await tree().getChildren(restored))[0]), 'ml-platform shows its last-known rows');
    const more = (await tree().getChildren(restored)).find((n) => n.kind === 'loadMore');
    assert.ok(more, 'the restored list ends in Load more');
    await vscode.commands.executeCommand('sagemaker.loadMore', more);
    await waitFor(() => (restored as ListNode).listing.loading === undefined && !(restored as ListNode).listing.lastKnown, 'the fresh pages are in');
    await new Promise((r) => setTimeout(r, 500));
    const rows = await children(api(), restored);
    assert.deepEqual(rows.map((p) => p.id.split('/').pop()), ['user:alice', 'user:bob', 'user:carol', 'user:dave-data-eng']);
    await assertVsCodeShows(rows);
  });
});
