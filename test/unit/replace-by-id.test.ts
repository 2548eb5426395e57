import * as assert from 'node:assert/strict';
import { replaceById } from '../../src/replaceById';

type I = { id?: string; text: string };

describe('replaceById: a quick pick\'s items updated in place', () => {
  const items: I[] = [{ id: 'a', text: 'a checking…' }, { id: 'b', text: 'b checking…' }, { text: 'no id' }, { id: 'c', text: 'c checking…' }];

  it('puts each update in place of the item with its id, keeping the order and the other items', () => {
    const next = replaceById(items, [{ id: 'c', text: 'c Running' }, { id: 'a', text: 'a Stopped' }]);
    assert.deepEqual(next?.map((i) => i.text), ['a Stopped', 'b checking…', 'no id', 'c Running']);
    assert.equal(next?.[1], items[1], 'an item not updated is the same object');
    assert.equal(items[0].text, 'a checking…', 'the given list is not changed');
  });

  it('leaves out updates whose id is not shown, and says when nothing changed', () => {
    assert.equal(replaceById(items, [{ id: 'z', text: 'z Running' }]), undefined);
    assert.equal(replaceById(items, [{ text: 'no id either' }]), undefined);
    assert.deepEqual(replaceById(items, [{ id: 'z', text: 'z' }, { id: 'b', text: 'b Failed' }])?.map((i) => i.text), ['a checking…', 'b Failed', 'no id', 'c checking…']);
  });
});
