import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { startEmulator, type RunningEmulator } from '../../emulator/index';
import { HOST_MODULES_ID } from '../../../src/aws/codeCache';
import { repoRoot } from '../../harness/paths';
import { emulatorOnlyEnv } from '../aws/helpers';

const run = promisify(execFile);
const OUT_SRC = path.resolve(__dirname, '../../../src');
/** dist/shared.js's entry as esbuild's metafile names it (esbuild.js writes it). */
const SHARED_ENTRY = 'shared-entry:sagemaker-environments:shared-modules';

interface Metafile {
  outputs: Record<string, { entryPoint?: string; inputs: Record<string, { bytesInOutput: number }> }>;
}

/**
 * The production bundle keeps one instance of every module: a lazily loaded file (dist/sdk.js,
 * dist/commands.js) takes the modules dist/extension.js holds from it at run time. dist/extension.js
 * needs VS Code, so here the modules handed over are tsc's compiled ones (plain Node), as the loader
 * (src/aws/codeCache.ts) hands them over in the extension host.
 */
describe('the production bundle: one instance of every module', function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let dir: string;
  let meta: Metafile;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-bundle-'));
    await run(process.execPath, ['esbuild.js', '--production', `--outdir=${dir}`, `--metafile=${path.join(dir, 'meta.json')}`], { cwd: repoRoot });
    meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) as Metafile;
    emu = await startEmulator({ data: 'demo' });
  });
  after(async () => {
    await emu?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The src/ modules whose code an output file holds, those it takes from dist/extension.js, and which of their exports ("src/x.ts#name"). */
  function modulesOf(entryPoint: string): { held: string[]; taken: string[]; exports: string[] } {
    const output = Object.values(meta.outputs).find((o) => o.entryPoint === entryPoint);
    assert.ok(output, `no output for ${entryPoint}`);
    const inputs = Object.entries(output.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([k]) => k);
    // esbuild.js's stubs: one module per export a lazy file takes ("host-export:src/x.ts#name").
    const exports = inputs.filter((k) => k.startsWith('host-export:')).map((k) => k.slice('host-export:'.length));
    return {
      held: inputs.filter((k) => k.startsWith('src/')),
      taken: [...new Set(exports.map((e) => e.slice(0, e.lastIndexOf('#'))))],
      exports,
    };
  }

  it('each src/ module is in one file; what a lazy file takes, dist/extension.js holds', () => {
    const host = modulesOf('src/extension.ts');
    const shared = modulesOf(SHARED_ENTRY);
    const lazy = [modulesOf('src/aws/sdk.ts'), modulesOf('src/commands/table.ts'), shared];
    const all = [host, ...lazy].flatMap((f) => f.held);
    assert.deepEqual(all.filter((m, i) => all.indexOf(m) !== i), [], 'in two files');
    for (const f of lazy) {
      assert.deepEqual(f.taken.filter((m) => !host.held.includes(m)), [], 'taken but not in dist/extension.js');
    }
    // What moved out of activation's file (the check can fail: these were all in it before).
    for (const m of ['src/aws/spaces.ts', 'src/aws/clientPool.ts', 'src/aws/errorMapping.ts', 'src/commands/urls.ts', 'src/links/commands.ts']) {
      assert.ok(!host.held.includes(m), `${m} is in dist/extension.js`);
    }
    // The running environments' scanner, status item and reminder load when the first scan is due
    // (src/running/later.ts stands in at activation): in dist/commands.js.
    const commands = modulesOf('src/commands/table.ts');
    // So are Open Recent's list, the copied URL's countdown, the quick pick and the sign-in terminal,
    // which only commands (and a click on an error's sign-in button) use.
    // And the poller of rows in a passing state, started when the tree first shows one (src/tree/pollerLater.ts stands in).
    const commandsOnly = ['src/tree/poller.ts', 'src/tree/pollSchedule.ts', 'src/recent/store.ts', 'src/links/kinds.ts', 'src/clipboardExpiry.ts', 'src/quickPick.ts', 'src/replaceById.ts', 'src/terminal.ts', 'src/shell.ts'];
    for (const m of ['src/running/scanner.ts', 'src/running/statusItem.ts', 'src/running/reminder.ts', 'src/running/describe.ts', ...commandsOnly]) {
      assert.ok(!host.held.includes(m), `${m} is in dist/extension.js`);
      assert.ok(commands.held.includes(m), `${m} is not in dist/commands.js`);
    }
    // The shells' quoting: the sign-in terminal's and the AWS layer's sign-in hint (dist/sdk.js).
    assert.ok(!host.held.includes('src/aws/cliShell.ts'), 'src/aws/cliShell.ts is in dist/extension.js');
    assert.ok(lazy[0].taken.includes('src/aws/errors.ts') && lazy[0].taken.includes('src/aws/clients.ts'), `dist/sdk.js takes ${lazy[0].taken.join(', ')}`);
  });

  it('dist/extension.js hands over only the exports the lazy files take, so the rest of a module activation uses in part stays out', () => {
    const text = fs.readFileSync(path.join(dir, 'extension.js'), 'utf8');
    const lazy = [modulesOf('src/aws/sdk.ts'), modulesOf('src/commands/table.ts'), modulesOf(SHARED_ENTRY)];
    const taken = new Set(lazy.flatMap((f) => f.exports));
    const modules = [...new Set([...taken].map((e) => e.slice(0, e.lastIndexOf('#'))))];
    assert.ok(modules.includes('src/settings.ts'), `the lazy files take from ${modules.join(', ')}`);
    for (const m of modules) {
      // src/hostModules.ts as the build wrote it, minified: "src/settings.ts":{SETTING:a,openSettings:b}
      const handed = new RegExp(`"${m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}":\\{([^}]*)\\}`).exec(text);
      assert.ok(handed, `dist/extension.js does not hand over ${m}`);
      const names = handed[1].split(',').map((p) => p.split(':')[0].replace(/"/g, '')).sort();
      assert.deepEqual(names, [...taken].filter((e) => e.startsWith(`${m}#`)).map((e) => e.slice(m.length + 1)).sort(), `what dist/extension.js hands over of ${m}`);
    }
  });

  it('what both lazy files use and activation does not is in dist/shared.js, not in dist/extension.js', () => {
    const host = modulesOf('src/extension.ts');
    const shared = modulesOf(SHARED_ENTRY);
    // Both the AWS layer (presigning) and the commands (the URL settings) check a URL's lifetime limits.
    assert.ok(shared.held.includes('src/aws/urlLimits.ts'), `dist/shared.js holds ${shared.held.join(', ')}`);
    assert.deepEqual(shared.held.filter((m) => host.held.includes(m)), []);
  });

  it("two lazily loaded files get one instance of a dist/shared.js module: the loader loads dist/shared.js once, beside them", async () => {
    const taken = takenBySdk();
    // Two stand-ins for dist/sdk.js and dist/commands.js, asking the loader by path as esbuild.js's stubs do.
    for (const name of ['first.js', 'second.js']) {
      fs.writeFileSync(path.join(dir, name), `exports.limits = require(${JSON.stringify(HOST_MODULES_ID)})('src/aws/urlLimits.ts');`);
    }
    const script = `
      const path = require('node:path');
      const outSrc = ${JSON.stringify(OUT_SRC)};
      const host = {};
      for (const key of ${JSON.stringify(taken)}) host[key] = require(path.join(outSrc, key.slice('src/'.length).replace(/\\.ts$/, '.js')));
      const { loadWithCodeCache } = require(path.join(outSrc, 'aws', 'codeCache.js'));
      const first = loadWithCodeCache(${JSON.stringify(path.join(dir, 'first.js'))}, undefined, host).exports.limits;
      const second = loadWithCodeCache(${JSON.stringify(path.join(dir, 'second.js'))}, undefined, host).exports.limits;
      process.stdout.write(JSON.stringify({ same: first === second, hasLimits: typeof first.validateLifetime === 'function', inHost: 'src/aws/urlLimits.ts' in host }));`;
    const { stdout } = await run(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(stdout), { same: true, hasLimits: true, inHost: false });
  });

  /** What dist/extension.js hands over to dist/sdk.js, and to the dist/shared.js it loads. */
  const takenBySdk = (): string[] => [...modulesOf('src/aws/sdk.ts').taken, ...modulesOf(SHARED_ENTRY).taken];

  it("dist/sdk.js's AWS layer throws the AwsError class it is handed and uses the SDK loader it is handed (a real call over HTTP)", async () => {
    const taken = takenBySdk();
    const script = `
      const path = require('node:path');
      const outSrc = ${JSON.stringify(OUT_SRC)};
      const host = {};
      for (const key of ${JSON.stringify(taken)}) host[key] = require(path.join(outSrc, key.slice('src/'.length).replace(/\\.ts$/, '.js')));
      const { loadWithCodeCache } = require(path.join(outSrc, 'aws', 'codeCache.js'));
      const sdk = loadWithCodeCache(${JSON.stringify(path.join(dir, 'sdk.js'))}, undefined, host).exports;
      const access = sdk.accessLayer().buildSageMakerAccess({ endpointUrl: ${JSON.stringify(emu.url)} }, {}, { maxAttempts: 1 });
      (async () => {
        const domains = (await access.listDomains('us-east-1')).items.map((d) => d.domainName).sort();
        let sameClass = false, kind = '';
        try {
          await access.describeDomain('us-east-1', 'd-doesnotexist00');
        } catch (e) {
          sameClass = e instanceof host['src/aws/errors.ts'].AwsError;
          kind = e.kind;
        }
        const loadedThroughHost = host['src/aws/clients.ts'].sdkLoadInfo() !== undefined;
        access.dispose();
        process.stdout.write(JSON.stringify({ domains, sameClass, kind, loadedThroughHost }));
      })().catch((e) => { console.error(e); process.exit(1); });`;
    const { stdout } = await run(process.execPath, ['-e', script], { encoding: 'utf8', env: emulatorOnlyEnv(dir, emu) });
    const r = JSON.parse(stdout) as { domains: string[]; sameClass: boolean; kind: string; loadedThroughHost: boolean };
    assert.deepEqual(r.domains, ['ml-platform', 'research-lab', 'sandbox-pending']);
    assert.equal(r.kind, 'not-found');
    assert.equal(r.sameClass, true, "the AwsError is not the handed-over class: dist/sdk.js holds a copy of src/aws/errors.ts");
    assert.equal(r.loadedThroughHost, true, 'the SDK was not loaded through the handed-over loader (src/aws/clients.ts)');
  });
});
