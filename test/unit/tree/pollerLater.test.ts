import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { Log } from '../../../src/log';
import type { Node } from '../../../src/tree/nodes';
import { PollerLater, type RowPoller } from '../../../src/tree/pollerLater';
import type { ResourceTreeProvider } from '../../../src/tree/provider';

/** A minimal event: listeners called in order, each subscription disposable. */
function emitter<T>(): { event: vscode.Event<T>; fire(v: T): void } {
  const listeners = new Set<(v: T) => void>();
  return {
    event: (l: (v: T) => void) => {
      listeners.add(l);
      return { dispose: () => listeners.delete(l) };
    },
    fire: (v) => listeners.forEach((l) => l(v)),
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

/** A tree of loaded rows, a view, and a poller factory that records what it was given. */
function setUp() {
  const rows: Node[] = [];
  const lastKnown = new Set<Node>();
  const changed = emitter<unknown>();
  const page = emitter<unknown>();
  const collapse = emitter<vscode.TreeViewExpansionEvent<Node>>();
  const expand = emitter<vscode.TreeViewExpansionEvent<Node>>();
  const tree = { onDidChangeTreeData: changed.event, onDidLoadPage: page.event, loadedNodes: () => rows.values(), isLastKnown: (n: Node) => lastKnown.has(n) } as unknown as ResourceTreeProvider;
  const view = { onDidCollapseElement: collapse.event, onDidExpandElement: expand.event } as unknown as vscode.TreeView<Node>;
  const started: Set<string>[] = [];
  const waited: string[] = [];
  const poller: RowPoller = { scheduled: 3, armed: true, busy: false, whileWaiting: (key, work) => (waited.push(key), Promise.resolve(work())), dispose: () => undefined };
  const errors: string[] = [];
  const log = { error: (what: string) => errors.push(what) } as unknown as Log;
  const later = new PollerLater(tree, view, log, (collapsed) => {
    started.push(new Set(collapsed));
    return poller;
  });
  const row = (id: string, transitional: boolean): Node => ({ id, transitional, stateKey: id, readState: () => Promise.resolve(() => undefined) }) as unknown as Node;
  return { rows, lastKnown, changed, page, collapse, expand, later, started, waited, row, errors };
}

describe('tree/pollerLater: the poller is loaded when the tree first shows a passing row', () => {
  it('loads nothing while no fresh row is passing (settled rows, last-known rows), and reads as idle', async () => {
    const t = setUp();
    t.rows.push(t.row('a', false));
    const kept = t.row('b', true);
    t.rows.push(kept);
    t.lastKnown.add(kept);
    t.changed.fire(undefined);
    t.page.fire(undefined);
    await tick();
    assert.deepEqual(t.started, []);
    assert.deepEqual([t.later.scheduled, t.later.armed, t.later.busy], [0, false, false]);
  });

  it('loads the poller once a fresh passing row shows, with the nodes collapsed meanwhile, and then answers as it', async () => {
    const t = setUp();
    t.collapse.fire({ element: { id: 'region/domains' } as Node });
    t.collapse.fire({ element: { id: 'region/notebooks' } as Node });
    t.expand.fire({ element: { id: 'region/notebooks' } as Node });
    t.rows.push(t.row('nb', true));
    t.page.fire(undefined);
    t.changed.fire(undefined);
    await tick();
    assert.deepEqual(t.started.map((c) => [...c]), [['region/domains']]);
    assert.deepEqual([t.later.scheduled, t.later.armed], [3, true]);
    t.changed.fire(undefined);
    await tick();
    assert.equal(t.started.length, 1, 'loaded once');
  });

  it('a command waiting on a resource loads it at once and waits through it', async () => {
    const t = setUp();
    assert.equal(await t.later.whileWaiting('nb', () => Promise.resolve(7)), 7);
    assert.deepEqual(t.waited, ['nb']);
    assert.equal(t.started.length, 1);
  });
});
