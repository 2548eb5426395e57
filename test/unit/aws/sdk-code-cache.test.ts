import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { MAX_CACHE_BYTES, runtimeKey } from '../../../src/aws/codeCache';
import { SDK_CODE_CACHE_FILE } from '../../../src/aws/clients';
import { startEmulator, type RunningEmulator } from '../../emulator/index';
import { repoRoot } from '../../harness/paths';
import { emulatorOnlyEnv } from './helpers';

/**
 * The code cache of the SDK file (src/aws/codeCache.ts, used by loadSageMakerSdk()). Every load runs
 * in a fresh Node process, as a new extension host would: V8 keeps compiled code within a process,
 * which would hide what the cache file does.
 */

const run = promisify(execFile);
const CODE_CACHE = path.resolve(__dirname, '../../../src/aws/codeCache.js');
const CLIENTS = path.resolve(__dirname, '../../../src/aws/clients.js');
const AWS_INDEX = path.resolve(__dirname, '../../../src/aws/index.js');

interface Loaded {
  cache: string;
  value: string;
  cacheProblem?: string;
  /** Whether the cache file existed right after the load (the load itself must not write it). */
  fileAfterLoad: boolean;
  write?: { written: boolean; problem?: string };
}

/** Loads `file` with the cache in a fresh process; `write`: then asks for the cache to be written. */
async function load(file: string, cacheFile: string, write: boolean): Promise<Loaded> {
  const script = `
    const fs = require('node:fs');
    const { loadWithCodeCache } = require(${JSON.stringify(CODE_CACHE)});
    const m = loadWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cacheFile)});
    const fileAfterLoad = fs.existsSync(${JSON.stringify(cacheFile)}) && fs.statSync(${JSON.stringify(cacheFile)}).isFile();
    m.exports.describe().then((value) => {
      const write = ${write} ? m.writeCache() : undefined;
      process.stdout.write(JSON.stringify({ cache: m.cache, value, cacheProblem: m.cacheProblem, fileAfterLoad, write }));
    });`;
  const { stdout } = await run(process.execPath, ['-e', script], { encoding: 'utf8' });
  return JSON.parse(stdout) as Loaded;
}

/** A CommonJS module that require()s (from its own folder's point of view) and uses __filename. */
function moduleSource(version: number): string {
  const functions = Array.from({ length: 200 }, (_, i) => `function f${i}(x) { return x * ${i} + ${version}; }`).join('\n');
  return `'use strict';
const path = require('node:path');
${functions}
exports.describe = async () => {
  const os = require('node:os');
  return ['v${version}', path.basename(__filename), typeof os.platform(), f199(1)].join(' ');
};
`;
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A cache file as the loader writes it: 4-byte header length, JSON header, V8's data. */
function cacheFileBytes(header: Record<string, unknown>, data: Buffer): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length, 0);
  return Buffer.concat([length, json, data]);
}

function readHeader(cacheFile: string): { header: Record<string, unknown>; data: Buffer } {
  const buf = fs.readFileSync(cacheFile);
  const n = buf.readUInt32LE(0);
  return { header: JSON.parse(buf.subarray(4, 4 + n).toString('utf8')) as Record<string, unknown>, data: buf.subarray(4 + n) };
}

describe('aws/codeCache: the SDK file loads from a V8 code cache', function () {
  this.timeout(60_000);
  let dir: string;
  let file: string;
  let cacheFile: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-code-cache-'));
    file = path.join(dir, 'module.js');
    cacheFile = path.join(dir, 'storage', 'module.cache');
    fs.writeFileSync(file, moduleSource(1));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const expected = (version: number): string => `v${version} module.js string ${199 + version}`;

  /** Writes the cache when asked, and checks the next process uses it. */
  async function rewrittenAndAccepted(version = 1): Promise<void> {
    const next = await load(file, cacheFile, false);
    assert.equal(next.cache, 'accepted', `the rewritten cache was not used (${next.cacheProblem ?? ''})`);
    assert.equal(next.value, expected(version));
  }

  it('missing: loads without it, writes nothing on the way, writes it when asked; the next start uses it', async () => {
    const first = await load(file, cacheFile, true);
    assert.equal(first.cache, 'missing');
    assert.equal(first.value, expected(1));
    assert.equal(first.fileAfterLoad, false, 'the load wrote the cache itself instead of waiting to be asked');
    assert.deepEqual(first.write, { written: true });
    const { header, data } = readHeader(cacheFile);
    assert.equal(header.sourceSha256, sha256(fs.readFileSync(file, 'utf8')));
    assert.equal(header.runtime, runtimeKey());
    assert.ok(data.length > 0);

    const second = await load(file, cacheFile, true);
    assert.equal(second.cache, 'accepted');
    assert.equal(second.value, expected(1));
    assert.deepEqual(second.write, { written: false }, 'an accepted cache is not written again');
  });

  it('stale, the file changed (another hash): loads the new file, and the cache is rewritten for it', async () => {
    await load(file, cacheFile, true);
    fs.writeFileSync(file, moduleSource(2));
    const loaded = await load(file, cacheFile, true);
    assert.equal(loaded.cache, 'stale');
    assert.equal(loaded.value, expected(2));
    assert.equal(loaded.write?.written, true);
    await rewrittenAndAccepted(2);
  });

  it('stale, another runtime (V8/Node/Electron version): not used, rewritten', async () => {
    await load(file, cacheFile, true);
    const { header, data } = readHeader(cacheFile);
    fs.writeFileSync(cacheFile, cacheFileBytes({ ...header, runtime: 'v8 1.0.0 node 1.0.0 electron - x64' }, data));
    const loaded = await load(file, cacheFile, true);
    assert.equal(loaded.cache, 'stale');
    assert.equal(loaded.value, expected(1));
    assert.equal(loaded.write?.written, true);
    await rewrittenAndAccepted();
  });

  it('rejected by V8 (data of another script under a matching header): loads, rewritten', async () => {
    // V8's data for a different source, labelled as this file's for this runtime.
    const other = path.join(dir, 'other.js');
    fs.writeFileSync(other, `${moduleSource(3)}\n// ${'x'.repeat(500)}\n`);
    await load(other, path.join(dir, 'other.cache'), true);
    const { data } = readHeader(path.join(dir, 'other.cache'));
    const header = { format: 1, sourceSha256: sha256(fs.readFileSync(file, 'utf8')), runtime: runtimeKey(), dataSha256: sha256(data), dataBytes: data.length };
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(cacheFile, cacheFileBytes(header, data));

    const loaded = await load(file, cacheFile, true);
    assert.equal(loaded.cache, 'rejected');
    assert.equal(loaded.value, expected(1));
    assert.equal(loaded.write?.written, true);
    await rewrittenAndAccepted();
  });

  for (const [what, corrupt] of [
    ['truncated', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ['not a cache file at all', () => Buffer.from('not a code cache')],
    ['empty', () => Buffer.alloc(0)],
    ['a byte of its data changed', (b: Buffer) => Buffer.concat([b.subarray(0, b.length - 10), Buffer.from([b[b.length - 10] ^ 0xff]), b.subarray(b.length - 9)])],
    ['a header that is not JSON', (b: Buffer) => Buffer.concat([b.subarray(0, 4), Buffer.from('{'.repeat(b.readUInt32LE(0))), b.subarray(4 + b.readUInt32LE(0))])],
  ] as const) {
    it(`corrupt (${what}): loads as usual, says why, and is rewritten`, async () => {
      await load(file, cacheFile, true);
      fs.writeFileSync(cacheFile, corrupt(fs.readFileSync(cacheFile)));
      const loaded = await load(file, cacheFile, true);
      assert.equal(loaded.cache, 'corrupt');
      assert.match(loaded.cacheProblem ?? '', /module\.cache is unreadable/);
      assert.equal(loaded.value, expected(1));
      assert.equal(loaded.write?.written, true);
      await rewrittenAndAccepted();
    });
  }

  it('a file above the size cap is not read: loads as usual, says why in one line, and is rewritten', async () => {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(cacheFile, Buffer.alloc(MAX_CACHE_BYTES + 1));
    const loaded = await load(file, cacheFile, true);
    assert.equal(loaded.cache, 'corrupt');
    assert.match(loaded.cacheProblem ?? '', /module\.cache is not read: it is larger than 32 MiB \(33554433 bytes\)$/);
    assert.equal(loaded.value, expected(1));
    assert.equal(loaded.write?.written, true);
    await rewrittenAndAccepted();
  });

  it('never throws over the cache: a folder where the file should be, and a place it cannot be written', async () => {
    fs.mkdirSync(cacheFile, { recursive: true });
    const folder = await load(file, cacheFile, true);
    assert.equal(folder.cache, 'corrupt');
    assert.match(folder.cacheProblem ?? '', /cannot read/);
    assert.equal(folder.value, expected(1));
    assert.equal(folder.write?.written, false);
    assert.match(folder.write?.problem ?? '', /could not write the code cache/);

    const underAFile = path.join(file, 'module.cache'); // its "folder" is the module file
    const loaded = await load(file, underAFile, true);
    assert.equal(loaded.value, expected(1));
    assert.equal(loaded.write?.written, false);
    assert.match(loaded.write?.problem ?? '', /could not write the code cache/);
  });
});

describe('the SDK loads from its code cache through the AWS layer (local SageMaker endpoint)', function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let dir: string;
  before(async () => {
    emu = await startEmulator({ data: 'demo' });
  });
  after(async () => emu.stop());
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-sdk-cache-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** An environment for a child process that talks to the emulator only (no ~/.aws, no IMDS). */
  function childEnv(): NodeJS.ProcessEnv {
    return emulatorOnlyEnv(dir, emu, { AWS_REGION: 'us-east-1' });
  }

  it('written only after the first successful list, then used by the next start', async () => {
    // One extension start: the SDK loads (as on the first call); no cache until a list succeeded.
    const start = `
      const fs = require('node:fs');
      const aws = require(${JSON.stringify(AWS_INDEX)});
      const { loadSageMakerSdk } = require(${JSON.stringify(CLIENTS)});
      const cacheFile = require('node:path').join(${JSON.stringify(dir)}, ${JSON.stringify(SDK_CODE_CACHE_FILE)});
      const events = [];
      aws.configureSdkCodeCache({ dir: ${JSON.stringify(dir)}, writeDelayMs: 0, onEvent: (l) => events.push(l) });
      (async () => {
        await loadSageMakerSdk();
        await new Promise((r) => setTimeout(r, 100));
        const afterLoad = fs.existsSync(cacheFile);
        const access = aws.createSageMakerAccess({ endpointUrl: ${JSON.stringify(emu.url)} });
        const domains = (await access.listDomains('us-east-1')).items.length;
        for (let i = 0; i < 300 && !fs.existsSync(cacheFile); i++) await new Promise((r) => setTimeout(r, 50));
        access.dispose();
        process.stdout.write(JSON.stringify({ afterLoad, domains, info: aws.sdkLoadInfo(), written: fs.existsSync(cacheFile), again: aws.writeSdkCodeCache(), events }));
      })().catch((e) => { console.error(e); process.exit(1); });`;
    const runStart = async (): Promise<{ afterLoad: boolean; domains: number; info: { cache: string; file: string }; written: boolean; again: boolean; events: string[] }> =>
      JSON.parse((await run(process.execPath, ['-e', start], { encoding: 'utf8', env: childEnv() })).stdout) as never;

    const first = await runStart();
    assert.equal(first.afterLoad, false, 'loading the SDK wrote the cache before any list was answered');
    assert.equal(first.domains, 3);
    assert.equal(first.info.cache, 'missing');
    assert.equal(path.basename(first.info.file), 'sdk.js');
    assert.equal(first.written, true, 'the cache was not written after the first list');
    assert.equal(first.again, false, 'the cache is written once');
    assert.ok(first.events.some((l) => /^AWS SDK loaded from sdk\.js in .* ms \(code cache: missing\)$/.test(l)), first.events.join('\n'));
    assert.ok(first.events.some((l) => /^AWS SDK code cache written/.test(l)), first.events.join('\n'));

    const second = await runStart();
    assert.equal(second.info.cache, 'accepted');
    assert.equal(second.domains, 3);
    assert.ok(!second.events.some((l) => /code cache written/.test(l)), 'an accepted cache was written again');
  });

  it('written even when background calls keep one in flight all the time (past writeLatestMs), never before the first list', async () => {
    // A listing that takes 5 s stays in flight from before the first success until after the write.
    emu.setFault({ operation: 'ListNotebookInstances', kind: 'latency', latencyMs: 5000 });
    const script = `
      const fs = require('node:fs');
      const aws = require(${JSON.stringify(AWS_INDEX)});
      const cacheFile = require('node:path').join(${JSON.stringify(dir)}, ${JSON.stringify(SDK_CODE_CACHE_FILE)});
      aws.configureSdkCodeCache({ dir: ${JSON.stringify(dir)}, writeDelayMs: 0, writeLatestMs: 1500 });
      (async () => {
        const access = aws.createSageMakerAccess({ endpointUrl: ${JSON.stringify(emu.url)} });
        let slowDone = false;
        const slow = access.listNotebookInstances('us-east-1').then(() => (slowDone = true));
        await access.listDomains('us-east-1');
        await new Promise((r) => setTimeout(r, 500));
        const early = fs.existsSync(cacheFile);
        for (let i = 0; i < 200 && !fs.existsSync(cacheFile); i++) await new Promise((r) => setTimeout(r, 25));
        const written = fs.existsSync(cacheFile);
        const whileInFlight = !slowDone;
        await slow;
        access.dispose();
        process.stdout.write(JSON.stringify({ early, written, whileInFlight }));
      })().catch((e) => { console.error(e); process.exit(1); });`;
    try {
      const r = JSON.parse((await run(process.execPath, ['-e', script], { encoding: 'utf8', env: childEnv() })).stdout) as { early: boolean; written: boolean; whileInFlight: boolean };
      assert.equal(r.early, false, 'written while a call was in flight, before writeLatestMs');
      assert.equal(r.written, true, 'the cache was never written while calls kept coming');
      assert.equal(r.whileInFlight, true, 'the slow call ended first: the test did not keep a call in flight');
    } finally {
      emu.clearFaults();
    }
  });

  it('the production build of dist/sdk.js runs from the cache: the SDK signs and sends a call over http (node:http loaded lazily)', async () => {
    // The packaged SDK file, built into a temporary folder (the unit tier does not build dist/).
    const out = path.join(dir, 'dist');
    await run(process.execPath, ['esbuild.js', '--production', `--outdir=${out}`], { cwd: repoRoot });
    const script = `
      const { loadWithCodeCache } = require(${JSON.stringify(CODE_CACHE)});
      const m = loadWithCodeCache(${JSON.stringify(path.join(out, 'sdk.js'))}, ${JSON.stringify(path.join(dir, 'cache', SDK_CODE_CACHE_FILE))});
      const { SageMakerClient, ListDomainsCommand, NodeHttpHandler, fromNodeProviderChain } = m.exports;
      // An http: endpoint: the handler loads node:http lazily (an import() in the SDK's source, a
      // require() in the build: code restored from the cache cannot import()).
      const client = new SageMakerClient({ region: 'us-east-1', endpoint: ${JSON.stringify(emu.url)}, credentials: fromNodeProviderChain(), requestHandler: new NodeHttpHandler() });
      client.send(new ListDomainsCommand({})).then((r) => {
        client.destroy();
        const write = m.writeCache();
        process.stdout.write(JSON.stringify({ cache: m.cache, names: r.Domains.map((d) => d.DomainName).sort(), write }));
      }, (e) => { console.error(e); process.exit(1); });`;
    const once = async (): Promise<{ cache: string; names: string[]; write: { written: boolean } }> =>
      JSON.parse((await run(process.execPath, ['-e', script], { encoding: 'utf8', env: childEnv() })).stdout) as never;
    const first = await once();
    assert.equal(first.cache, 'missing');
    assert.deepEqual(first.names, ['ml-platform', 'research-lab', 'sandbox-pending']);
    assert.equal(first.write.written, true);
    const second = await once();
    assert.equal(second.cache, 'accepted');
    assert.deepEqual(second.names, first.names);
  });
});
