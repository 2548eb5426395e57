import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../harness/paths';

/** What a user's .vsix may hold: the bundle, the two icons, the manifest, the licence and the docs. */
const ALLOWED = [/^package\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/, /^media\/sagemaker\.svg$/, /^media\/icon\.png$/, /^dist\/extension\.js$/];

describe('the packaged .vsix', () => {
  it('holds only the bundle, the icons, the manifest, the licence and the docs (.vscodeignore)', async function () {
    this.timeout(120_000);
    // `vsce ls` lists exactly what `vsce package` would put in, without building anything.
    const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    const { stdout } = await promisify(execFile)(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot });
    const files = stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    assert.ok(files.includes('package.json'), `package.json missing from ${files.join(', ')}`);
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { icon?: string; license?: string };
    for (const needed of ['media/sagemaker.svg', manifest.icon ?? '(package.json names no icon)', 'LICENSE']) {
      assert.ok(files.includes(needed), `${needed} missing from ${files.join(', ')}`);
    }
    assert.deepEqual(files.filter((f) => !ALLOWED.some((re) => re.test(f))), [], 'files users do not need');
  });
});

describe('the marketplace listing', () => {
  it('has a licence and a 128x128 PNG icon', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { icon?: string; license?: string };
    assert.equal(manifest.license, 'Apache-2.0');
    assert.match(fs.readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8'), /Apache License\s+Version 2\.0/);
    assert.ok(manifest.icon, 'package.json names no icon');
    const png = fs.readFileSync(path.join(repoRoot, manifest.icon));
    assert.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', `${manifest.icon} is not a PNG`);
    // The IHDR chunk comes first: width and height, big-endian, at bytes 16 and 20.
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});
