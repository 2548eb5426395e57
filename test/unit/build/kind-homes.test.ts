import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../harness/paths';

/** The kinds' homes (docs/architecture.md, "The kinds and their homes"): what a kind is, and its row. */
const HOMES = /^src\/(kinds\/|tree\/(domain|userProfile|space|notebook|mlflow|partnerApp)\.ts$)/;
/** The resource and target kinds' names. */
const KINDS = 'domain|userProfile|space|notebook|mlflowTrackingServer|mlflowApp|partnerApp|studio';
const KIND_CHECK = new RegExp(`kind [!=]== '(${KINDS})'|case '(${KINDS})'`, 'g');
/**
 * The checks on a kind's name still outside the homes (docs/architecture.md lists them: the
 * Studio → space chain of the palette, Copy ID on a domain, a private space's owner, Remote SSH on
 * spaces, the running environments' pick and prices). One more is a kind written in a second place.
 */
const KIND_CHECKS_LEFT = 16;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Each line of src/ outside the kinds' homes that matches, as "file:line: text". */
function outsideHomes(pattern: RegExp): string[] {
  return sources(path.join(repoRoot, 'src')).flatMap((f) => {
    const file = path.relative(repoRoot, f).split(path.sep).join('/');
    if (HOMES.test(file)) {
      return [];
    }
    return fs
      .readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((line, i) => [...line.matchAll(pattern)].map(() => `${file}:${i + 1}: ${line.trim()}`));
  });
}

describe('one home per kind', () => {
  it('nothing outside the kinds\' homes dispatches on a node class (instanceof …Node)', () => {
    assert.deepEqual(outsideHomes(/instanceof [A-Za-z]*Node\b/g), [], 'ask the kind (src/kinds/) or the node\'s own interface (src/tree/listing.ts) instead');
  });

  it(`at most ${KIND_CHECKS_LEFT} checks on a kind's name outside the kinds' homes`, () => {
    const found = outsideHomes(KIND_CHECK);
    assert.ok(found.length <= KIND_CHECKS_LEFT, `a kind's behaviour belongs in its home (src/kinds/<kind>.ts, src/tree/<kind>.ts):\n${found.join('\n')}`);
  });
});
