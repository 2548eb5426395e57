import * as assert from 'node:assert/strict';
import { FRESH_MS, Listing } from '../../../src/tree/listing';
import type { Node } from '../../../src/tree/nodes';

/** Stand-ins for tree nodes: a listing only reads their id. */
function nodes(...ids: string[]): Node[] {
  return ids.map((id) => ({ id }) as unknown as Node);
}

describe('tree/listing: pages of a list', () => {
  it('an item repeated on a later page (the list changed between pages) appears once, where it first came', () => {
    const l = new Listing();
    l.append(nodes('d/a', 'd/b', 'd/c'));
    l.append(nodes('d/c', 'd/d', 'd/a', 'd/e'));
    assert.deepEqual(l.items.map((n) => n.id), ['d/a', 'd/b', 'd/c', 'd/d', 'd/e']);
  });

  it('a page repeating an id within itself keeps one', () => {
    const l = new Listing();
    l.append(nodes('x', 'x', 'y'));
    assert.deepEqual(l.items.map((n) => n.id), ['x', 'y']);
  });

  it('reset starts over: the same items can come again', () => {
    const l = new Listing();
    l.append(nodes('x'));
    l.reset();
    l.append(nodes('x'));
    assert.deepEqual(l.items.map((n) => n.id), ['x']);
    assert.equal(l.generation, 1);
  });

  it('fresh (what the palette offers as it is): loaded in this window within 5 minutes, without error, not last-known rows', () => {
    const l = new Listing();
    const at = 1_000_000;
    assert.equal(l.isFresh(at), false, 'not loaded');
    l.loaded = true;
    l.loadedAt = at;
    assert.equal(l.isFresh(at + FRESH_MS), true);
    assert.equal(l.isFresh(at + FRESH_MS + 1), false, 'stale after 5 minutes');
    l.error = new Error('denied');
    assert.equal(l.isFresh(at), false, 'its error row');
    l.error = undefined;
    l.lastKnown = { savedAt: at, more: false };
    assert.equal(l.isFresh(at), false, 'rows of the last-known tree');
    l.reset();
    l.loaded = true;
    assert.equal(l.isFresh(at), false, 'a reset forgets when it was loaded');
    assert.equal(FRESH_MS, 5 * 60_000);
  });
});
