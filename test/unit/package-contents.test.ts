import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../harness/paths';

/**
 * What a user's .vsix may hold: the bundle (dist/extension.js, loaded on activation; dist/sdk.js,
 * the AWS SDK and the AWS layer, loaded on the first AWS call; dist/commands.js, the commands,
 * loaded on the first command; dist/connect.js, the connect helper an SSH ProxyCommand runs), the two icons, the manifest, the licence and the docs.
 */
const BUNDLE = ['dist/commands.js', 'dist/connect.js', 'dist/extension.js', 'dist/sdk.js'];
const ALLOWED = [/^package\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/, /^media\/sagemaker\.svg$/, /^media\/icon\.png$/, ...BUNDLE.map((f) => new RegExp(`^${f.replace(/\./g, '\\.')}$`))];

/** `vsce ls` lists exactly what `vsce package` would put in, without building anything. */
async function vsceLs(cwd: string): Promise<string[]> {
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const { stdout } = await promisify(execFile)(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd });
  return stdout.split('\n').map((l) => l.trim()).filter(Boolean);
}

describe('the packaged .vsix', () => {
  it('holds only the bundle, the icons, the manifest, the licence and the docs (.vscodeignore)', async function () {
    this.timeout(120_000);
    const files = await vsceLs(repoRoot);
    assert.ok(files.includes('package.json'), `package.json missing from ${files.join(', ')}`);
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { icon?: string; license?: string };
    for (const needed of ['media/sagemaker.svg', manifest.icon ?? '(package.json names no icon)', 'LICENSE']) {
      assert.ok(files.includes(needed), `${needed} missing from ${files.join(', ')}`);
    }
    assert.deepEqual(files.filter((f) => !ALLOWED.some((re) => re.test(f))), [], 'files users do not need');
  });

  it('takes every bundle file (extension.js, sdk.js, commands.js, connect.js) and leaves out sourcemaps, sources and builds', async function () {
    this.timeout(120_000);
    // The repository's manifest and ignore rules over a tree with every kind of file a build
    // leaves, whether or not this clone has built dist/ yet.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-vsix-'));
    try {
      // The files the production build writes are the bundle: none may be left out of the .vsix.
      await promisify(execFile)(process.execPath, ['esbuild.js', '--production', `--outdir=${path.join(dir, 'production')}`], { cwd: repoRoot });
      assert.deepEqual(fs.readdirSync(path.join(dir, 'production')).map((f) => `dist/${f}`).sort(), BUNDLE, 'the production build writes other files than BUNDLE');
      fs.rmSync(path.join(dir, 'production'), { recursive: true });
      for (const f of ['package.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
        fs.copyFileSync(path.join(repoRoot, f), path.join(dir, f));
      }
      fs.cpSync(path.join(repoRoot, 'media'), path.join(dir, 'media'), { recursive: true });
      const built = [...BUNDLE, ...BUNDLE.map((f) => `${f}.map`), 'dist/sagemaker-environments.vsix', 'src/aws/sdk.ts', 'out/src/aws/sdk.js', 'test-results/esbuild-meta.json', 'esbuild.js'];
      for (const f of built) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), '// built\n');
      }
      const files = await vsceLs(dir);
      assert.deepEqual(files.filter((f) => f.startsWith('dist/')).sort(), BUNDLE);
      assert.deepEqual(files.filter((f) => !ALLOWED.some((re) => re.test(f))), [], 'files users do not need');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
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
