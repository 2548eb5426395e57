import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../harness/paths';

/** A module a reader takes in at once: past this, it holds more than one job (docs/architecture.md). */
const MAX_LINES = 400;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('the source files', () => {
  it(`no file in src/ is over ${MAX_LINES} lines`, () => {
    const files = sources(path.join(repoRoot, 'src'));
    assert.ok(files.length > 50, `found only ${files.length} files in src/`);
    const long = files
      .map((f) => ({ file: path.relative(repoRoot, f), lines: fs.readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > MAX_LINES);
    assert.deepEqual(long, [], 'split these into modules that each hold one job');
  });
});
