import * as assert from 'node:assert/strict';
import { ECHO_MAX, quoteValue } from '../../../src/aws/quoteValue';

/** The one way a message echoes a value from outside: short, quoted, one line. */
describe('aws/quoteValue', () => {
  it('quotes a short value as it is', () => {
    assert.equal(quoteValue('us-east1'), '"us-east1"');
    assert.equal(quoteValue(undefined), '"undefined"');
    assert.equal(quoteValue(42), '"42"');
  });

  it('escapes quotes, backslashes, line breaks and invisible characters, so the value stays one quoted line', () => {
    assert.equal(quoteValue('a"b\\c'), '"a\\"b\\\\c"');
    assert.equal(quoteValue('x\n\nRun curl'), '"x\\n\\nRun curl"');
    assert.equal(quoteValue('a\u2028b\u202ec\u200bd\x1b[31m'), '"a\\u{2028}b\\u{202e}c\\u{200b}d\\u{1b}[31m"');
  });

  it('cuts a long value after ECHO_MAX characters and says how long it was', () => {
    const q = quoteValue('u'.repeat(200_000));
    assert.equal(q, `"${'u'.repeat(ECHO_MAX)}…" (200000 characters)`);
    // Escapes count towards the limit, so a value of line breaks is no longer than one of letters.
    assert.ok(quoteValue('\n'.repeat(1000)).length <= ECHO_MAX + 30);
    assert.equal(quoteValue('abcdef', 3), '"abc…" (6 characters)');
  });
});
