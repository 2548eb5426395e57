import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../harness/paths';

/** What a user's .vsix may hold: the bundle, the icons, the manifest and the docs. */
const ALLOWED = [/^package\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE(\.md|\.txt)?$/, /^media\//, /^dist\/extension\.js$/];

describe('the packaged .vsix', () => {
  it('holds only the bundle, media/, the manifest and the docs (.vscodeignore)', async function () {
    this.timeout(120_000);
    // `vsce ls` lists exactly what `vsce package` would put in, without building anything.
    const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    const { stdout } = await promisify(execFile)(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot });
    const files = stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    assert.ok(files.includes('package.json'), `package.json missing from ${files.join(', ')}`);
    assert.ok(files.some((f) => f.startsWith('media/')), 'no icon from media/');
    assert.deepEqual(files.filter((f) => !ALLOWED.some((re) => re.test(f))), [], 'files users do not need');
  });
});
