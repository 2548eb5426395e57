import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../harness/paths';

/**
 * Unit tests mirror src/ folder by folder, so the tests of a module are found next to its path:
 * test/unit/<folder>/ holds the tests of src/<folder>/. Three folders test no src/ folder: the
 * build, manifest and docs checks (build/), the emulator's (emulator/, mirroring test/emulator/)
 * and the harness's (harness/, mirroring test/harness/).
 */
const OWN_FOLDERS = ['build', 'emulator', 'harness'];

/** Every folder under `dir` that holds a .ts file, relative to `dir` with `/` separators. */
function foldersWithFiles(dir: string): string[] {
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
  return [...new Set(files.map((f) => path.dirname(f).split(path.sep).join('/')))].filter((d) => d !== '.').sort();
}

/** The folders of test/unit/ that name no folder of src/ (and are not one of OWN_FOLDERS). */
function strayFolders(unitDir: string, srcDir: string): string[] {
  return foldersWithFiles(unitDir).filter((d) => !OWN_FOLDERS.includes(d.split('/')[0]) && !fs.statSync(path.join(srcDir, d), { throwIfNoEntry: false })?.isDirectory());
}

describe('the unit tests mirror src/', () => {
  it('every folder of test/unit/ (but build, emulator and harness) is a folder of src/', () => {
    const stray = strayFolders(path.join(repoRoot, 'test', 'unit'), path.join(repoRoot, 'src'));
    assert.deepEqual(
      stray,
      [],
      `test/unit/${stray[0]}/ names no folder of src/: put a test of src/<folder>/x.ts in test/unit/<folder>/, of a top-level src/x.ts at the top of test/unit/, a build, manifest or docs check in test/unit/build/`,
    );
  });
});
