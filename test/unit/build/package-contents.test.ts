import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../harness/paths';

/** The README that goes into the .vsix, made by `npm run package` (.ci/vsix-readme.js). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vsixReadmeTool = require(path.join(repoRoot, '.ci', 'vsix-readme.js')) as {
  vsixReadme(markdown: string, dir: string): string;
  readmePictures(markdown: string): string[];
  OUT: string;
};

/**
 * What a user's .vsix may hold: the bundle (dist/extension.js, loaded on activation; dist/sdk.js,
 * the AWS SDK and the AWS layer, loaded on the first AWS call; dist/commands.js, the commands,
 * loaded on the first command; dist/shared.js, what both of those use; dist/connect.js, the connect helper an SSH ProxyCommand runs), the two icons, the manifest, the licence, the changelog and the
 * README made for the extension's page (its pictures inlined).
 */
const BUNDLE = ['dist/commands.js', 'dist/connect.js', 'dist/extension.js', 'dist/sdk.js', 'dist/shared.js'];
const exact = (f: string) => new RegExp(`^${f.replace(/\./g, '\\.')}$`);
const ALLOWED = [/^package\.json$/, /^CHANGELOG\.md$/, /^LICENSE$/, /^media\/sagemaker\.svg$/, /^media\/icon\.png$/, exact(vsixReadmeTool.OUT), ...BUNDLE.map(exact)];
/** What the README's pictures may add to the .vsix, all together (they are inlined, base64). */
const PICTURES_BUDGET_BYTES = 400 * 1024;

/** `vsce ls` lists exactly what `vsce package` would put in, without building anything. */
async function vsceLs(cwd: string): Promise<string[]> {
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const { stdout } = await promisify(execFile)(process.execPath, [vsce, 'ls', '--no-dependencies', '--readme-path', vsixReadmeTool.OUT], { cwd });
  return stdout.split('\n').map((l) => l.trim()).filter(Boolean);
}

describe('the packaged .vsix', () => {
  it('holds only the bundle, the icons, the manifest, the licence, the changelog and the packaged README (.vscodeignore)', async function () {
    this.timeout(120_000);
    const files = await vsceLs(repoRoot);
    assert.ok(files.includes('package.json'), `package.json missing from ${files.join(', ')}`);
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { icon?: string; license?: string };
    for (const needed of ['media/sagemaker.svg', manifest.icon ?? '(package.json names no icon)', 'LICENSE']) {
      assert.ok(files.includes(needed), `${needed} missing from ${files.join(', ')}`);
    }
    assert.deepEqual(files.filter((f) => !ALLOWED.some((re) => re.test(f))), [], 'files users do not need');
  });

  it('takes every bundle file (extension.js, sdk.js, commands.js, shared.js, connect.js) and leaves out sourcemaps, sources and builds', async function () {
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
      fs.mkdirSync(path.join(dir, path.dirname(vsixReadmeTool.OUT)), { recursive: true });
      fs.writeFileSync(path.join(dir, vsixReadmeTool.OUT), vsixReadmeTool.vsixReadme(fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8'), repoRoot));
      const built = [...BUNDLE, ...BUNDLE.map((f) => `${f}.map`), 'dist/sagemaker-environments.vsix', 'src/aws/sdk.ts', 'out/src/aws/sdk.js', 'test-results/esbuild-meta.json', 'esbuild.js'];
      for (const f of built) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), '// built\n');
      }
      const files = await vsceLs(dir);
      assert.deepEqual(files.filter((f) => f.startsWith('dist/')).sort(), [...BUNDLE, vsixReadmeTool.OUT].sort());
      // One README: README.md too would collide with it (the .vsix is case-insensitive).
      assert.ok(!files.includes('README.md'), 'README.md itself goes in beside the packaged README');
      assert.deepEqual(files.filter((f) => f.startsWith('media/screenshots/')), [], 'screenshot files go in (the packaged README inlines them)');
      assert.deepEqual(files.filter((f) => !ALLOWED.some((re) => re.test(f))), [], 'files users do not need');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the README on the extension page', () => {
  // VS Code shows an installed extension's README in a webview with no base URL and the policy
  // `img-src https: data:`, and opens only http(s) and mailto links: a relative path is dead there.
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

  it('shows every picture of README.md, inlined as data, and no relative picture or link is left', () => {
    const pictures = vsixReadmeTool.readmePictures(readme);
    assert.ok(pictures.length > 0, 'README.md shows no picture');
    const packaged = vsixReadmeTool.vsixReadme(readme, repoRoot);
    const targets = [...packaged.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    const left = targets.filter((t) => !/^(https?:|mailto:|data:image\/(png|jpeg|gif);base64,|#)/.test(t));
    assert.deepEqual(left, [], 'relative targets left in the packaged README');
    for (const picture of pictures) {
      const data = fs.readFileSync(path.join(repoRoot, picture)).toString('base64');
      assert.ok(packaged.includes(`;base64,${data})`), `${picture} is not inlined`);
    }
  });

  it('keeps the pictures within their budget, so the .vsix stays small', () => {
    const bytes = vsixReadmeTool.readmePictures(readme).reduce((sum, p) => sum + fs.statSync(path.join(repoRoot, p)).size, 0);
    assert.ok(bytes <= PICTURES_BUDGET_BYTES, `the README's pictures are ${bytes} bytes (budget ${PICTURES_BUDGET_BYTES})`);
  });

  it('refuses a picture that is missing, rather than ship a broken one', () => {
    assert.throws(() => vsixReadmeTool.vsixReadme('![gone](media/screenshots/no-such-picture.png)', repoRoot), /no-such-picture/);
    assert.throws(() => vsixReadmeTool.vsixReadme('![mark](media/sagemaker.svg)', repoRoot), /only PNG, JPEG or GIF/);
  });

  it('is what `npm run package` hands to vsce, with relative links left as written', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const script = manifest.scripts.package;
    assert.match(script, /node \.ci\/vsix-readme\.js &&/);
    assert.ok(script.includes(`--readme-path ${vsixReadmeTool.OUT}`), script);
    // Rewriting would refuse a data: picture (vsce wants https there) and needs a repository URL.
    assert.match(script, /--no-rewrite-relative-links/);
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
