import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  capTree,
  connectionKey,
  LAST_KNOWN_VERSION,
  MAX_EXPANDED,
  MAX_FILE_BYTES,
  MAX_LISTS_PER_TREE,
  MAX_REGIONS,
  MAX_ROWS_PER_LIST,
  MAX_ROWS_PER_TREE,
  MAX_TREES,
  parseTreeFile,
  restoreRow,
  type StoredRow,
  type StoredTree,
} from '../../../src/lastKnown/snapshot';
import { LAST_KNOWN_DIR, LastKnownStore } from '../../../src/lastKnown/store';
import { storeRow } from '../../../src/lastKnown/storeRow';
import { writeTree } from '../../../src/lastKnown/write';
import { connectionInUse } from '../../../src/aws/inUse';
import type { AwsSettings } from '../../../src/aws/types';

/** The last-known key of these settings in this environment (none of the test process's own). */
function keyOf(settings: AwsSettings, env: Record<string, string> = {}): string {
  return connectionKey(connectionInUse(settings, env));
}

const created = new Date('2026-11-20T10:00:00.000Z');

const domain = {
  region: 'us-east-1',
  domainId: 'd-abc123',
  domainName: 'research',
  domainArn: 'arn:aws:sagemaker:us-east-1:111122223333:domain/d-abc123',
  status: 'InService',
  authMode: 'SSO' as const,
  url: 'https://d-abc123.studio.us-east-1.sagemaker.aws',
  creationTime: created,
};

const space = {
  region: 'us-east-1',
  domainId: 'd-abc123',
  spaceName: 'alice-lab',
  spaceDisplayName: 'Alice Lab',
  status: 'InService',
  appType: 'JupyterLab',
  sharingType: 'Private' as const,
  ownerUserProfileName: 'alice',
  app: { appName: 'default', appType: 'JupyterLab', status: 'InService' },
  appState: 'Running' as const,
  lastModifiedTime: created,
};

function tree(key: string, lists: Record<string, { rows: StoredRow[]; more: boolean }>, savedAt = 1): StoredTree {
  return { key, savedAt, regions: ['us-east-1'], expanded: Object.keys(lists), lists };
}

function rows(n: number): StoredRow[] {
  return Array.from({ length: n }, (_, i) => storeRow({ kind: 'userProfile', data: { region: 'us-east-1', domainId: 'd-abc123', userProfileName: `user-${i}` } })!);
}

describe('last-known tree: what is kept of a row', () => {
  it('keeps names, IDs, ARN, states and dates, and comes back the same (dates as dates)', () => {
    const stored = storeRow({ kind: 'space', data: space });
    assert.ok(stored);
    const back = restoreRow(JSON.parse(JSON.stringify(stored)));
    assert.deepEqual(back, { kind: 'space', data: space });
    const d = restoreRow(JSON.parse(JSON.stringify(storeRow({ kind: 'domain', data: domain }))));
    assert.equal(d?.kind, 'domain');
    assert.equal((d?.data as typeof domain).authMode, 'SSO');
    assert.deepEqual((d?.data as typeof domain).creationTime, created);
  });

  it('never keeps a URL: not the domain\'s or notebook instance\'s Url, not an artifact store, not a URL in any field', () => {
    const written = JSON.stringify([
      storeRow({ kind: 'domain', data: domain }),
      storeRow({ kind: 'domain', data: { ...domain, domainName: 'https://evil.example/?token=abc' } }),
      storeRow({ kind: 'notebook', data: { region: 'us-east-1', notebookInstanceName: 'nb', status: 'InService', url: 'nb.notebook.us-east-1.sagemaker.aws' } }),
      storeRow({ kind: 'mlflowTrackingServer', data: { region: 'us-east-1', trackingServerName: 'ts', artifactStoreUri: 's3://bucket/path' } }),
      storeRow({ kind: 'mlflowApp', data: { region: 'us-east-1', name: 'app', arn: 'arn:aws:sagemaker:us-east-1:111122223333:mlflow-app/app', artifactStoreUri: 's3://bucket/x' } }),
      storeRow({ kind: 'partnerApp', data: { region: 'us-east-1', name: 'p', arn: 'arn:aws:sagemaker:us-east-1:111122223333:partner-app/p', errorMessage: 'see https://x' } }),
    ]);
    assert.doesNotMatch(written, /:\/\//);
    assert.doesNotMatch(written, /sagemaker\.aws|token|errorMessage|artifactStore|"url"/i);
    assert.match(written, /arn:aws:sagemaker:us-east-1:111122223333:domain\/d-abc123/);
  });

  it('leaves out a row without what it needs, and a field out of its allowed values', () => {
    assert.equal(storeRow({ kind: 'domain', data: { ...domain, domainId: '' } }), undefined);
    assert.equal(restoreRow({ kind: 'space', region: 'us-east-1', domainId: 'd-1', spaceName: 's', appState: 'Exploded' }), undefined);
    assert.equal(restoreRow({ kind: 'bucket', region: 'us-east-1' }), undefined);
    assert.equal(restoreRow('domain'), undefined);
    const d = restoreRow({ kind: 'domain', region: 'us-east-1', domainId: 'd-1', domainName: 'x', authMode: 'Magic', creationTime: 'not a date' });
    assert.deepEqual(d, { kind: 'domain', data: { region: 'us-east-1', domainId: 'd-1', domainName: 'x' } });
  });
});

describe('last-known tree: the connection key', () => {
  it('is the same for the same profile, regions and endpoint, and differs when any of them does', () => {
    const base = { profile: 'dev', regions: ['us-east-1'], endpointUrl: 'https://vpce-1.api.sagemaker.us-east-1.vpce.amazonaws.com' };
    assert.equal(keyOf(base), keyOf({ ...base, regions: ['us-east-1'] }));
    const keys = new Set([
      keyOf(base),
      keyOf({ ...base, profile: 'prod' }),
      keyOf({ ...base, profile: undefined }),
      keyOf({ ...base, regions: ['us-east-1', 'eu-west-1'] }),
      keyOf({ ...base, regions: undefined }),
      keyOf({ ...base, endpointUrl: undefined }),
    ]);
    assert.equal(keys.size, 6);
  });

  it('follows the credentials, region and endpoint really in use, not the settings alone', () => {
    const settings = { regions: ['us-east-1'] };
    // The profile setting empty: AWS_PROFILE chooses the profile, and it is that profile's tree.
    assert.notEqual(keyOf(settings, { AWS_PROFILE: 'prod' }), keyOf(settings, { AWS_PROFILE: 'dev' }));
    assert.notEqual(keyOf(settings, { AWS_PROFILE: 'prod' }), keyOf(settings), 'AWS_PROFILE=prod is not the default profile');
    assert.equal(keyOf(settings, { AWS_PROFILE: 'prod' }), keyOf({ ...settings, profile: 'prod' }), 'the same profile, however chosen');
    // AWS_PROFILE outranks keys in the environment (the SDK ignores them then).
    assert.equal(keyOf(settings, { AWS_PROFILE: 'prod', AWS_ACCESS_KEY_ID: 'AKIAONE', AWS_SECRET_ACCESS_KEY: 's' }), keyOf(settings, { AWS_PROFILE: 'prod' }));
    // Keys in the environment: another key is another account's tree.
    const one = keyOf(settings, { AWS_ACCESS_KEY_ID: 'AKIAONE', AWS_SECRET_ACCESS_KEY: 's' });
    assert.notEqual(one, keyOf(settings, { AWS_ACCESS_KEY_ID: 'AKIATWO', AWS_SECRET_ACCESS_KEY: 's' }));
    assert.notEqual(one, keyOf(settings), 'the environment keys are not the default profile');
    assert.equal(one, keyOf(settings, { AWS_ACCESS_KEY_ID: 'AKIAONE', AWS_SECRET_ACCESS_KEY: 'rotated' }), 'a new secret for the same key id');
    // No regions setting: the environment's region counts; with the setting, it does not.
    assert.notEqual(keyOf({}, { AWS_REGION: 'us-east-1' }), keyOf({}, { AWS_REGION: 'eu-west-1' }));
    assert.notEqual(keyOf({}, { AWS_DEFAULT_REGION: 'us-east-1' }), keyOf({}, { AWS_DEFAULT_REGION: 'eu-west-1' }));
    assert.equal(keyOf(settings, { AWS_REGION: 'us-east-1' }), keyOf(settings, { AWS_REGION: 'eu-west-1' }));
    // No endpoint setting: the SDK's environment endpoint counts.
    assert.notEqual(keyOf(settings, { AWS_ENDPOINT_URL_SAGEMAKER: 'http://127.0.0.1:4566' }), keyOf(settings));
    assert.notEqual(keyOf(settings, { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' }), keyOf(settings));
  });

  it('names neither the profile nor the endpoint', () => {
    const key = keyOf({ profile: 'my-admin-profile', endpointUrl: 'http://127.0.0.1:4566' });
    assert.match(key, /^[0-9a-f]{32}$/);
  });
});

describe('last-known tree: caps and the file', () => {
  it('keeps at most the first page of a list (saying there is more) and a bounded number of rows in all, top lists first', () => {
    const capped = capTree(tree('k', { a: { rows: rows(MAX_ROWS_PER_LIST + 5), more: false }, b: { rows: rows(3), more: false } }));
    assert.equal(capped.lists.a.rows.length, MAX_ROWS_PER_LIST);
    assert.equal(capped.lists.a.more, true);
    assert.deepEqual(capped.lists.b, { rows: rows(3), more: false });

    const lists: Record<string, { rows: StoredRow[]; more: boolean }> = {};
    const nLists = Math.ceil(MAX_ROWS_PER_TREE / MAX_ROWS_PER_LIST) + 3;
    for (let i = 0; i < nLists; i++) {
      lists[`list-${i}`] = { rows: rows(MAX_ROWS_PER_LIST), more: false };
    }
    const big = capTree(tree('k', lists));
    const total = Object.values(big.lists).reduce((n, l) => n + l.rows.length, 0);
    assert.equal(total, MAX_ROWS_PER_TREE);
    assert.ok(big.lists['list-0'], 'the first list is kept');
    assert.equal(big.lists[`list-${nLists - 1}`], undefined, 'the last lists are not');
  });

  it('reads a damaged, foreign or other-version file as nothing kept, and drops rows it cannot use', () => {
    assert.equal(parseTreeFile(undefined, 'k'), undefined);
    assert.equal(parseTreeFile('{not json', 'k'), undefined);
    assert.equal(parseTreeFile(JSON.stringify({ version: LAST_KNOWN_VERSION + 1, tree: tree('k', {}) }), 'k'), undefined);
    assert.equal(parseTreeFile(JSON.stringify({ version: LAST_KNOWN_VERSION, tree: { key: 'k' } }), 'k'), undefined, 'no date');
    assert.equal(parseTreeFile(JSON.stringify({ version: LAST_KNOWN_VERSION, tree: tree('other', {}) }), 'k'), undefined, "another connection's tree");
    const kept = parseTreeFile(JSON.stringify({ version: LAST_KNOWN_VERSION, tree: tree('k', { a: { rows: [...rows(2), { kind: 'domain' }, 7] as StoredRow[], more: false } }) }), 'k');
    assert.equal(kept?.lists.a.rows.length, 2);
  });
});

describe('last-known tree: the store on disk', () => {
  let dir: string;
  const errors: unknown[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'last-known-'));
    errors.length = 0;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives back the tree of the connection asked for only, and nothing once cleared', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((profile) => keyOf({ profile }));
    const store = new LastKnownStore(path.join(dir, 'globalStorage'), (_w, e) => errors.push(e));
    assert.equal(store.read(a), undefined, 'nothing kept yet (no folder, no file)');
    await writeTree(store, tree(a, { x: { rows: rows(2), more: true } }, 5));
    await writeTree(store, tree(b, { y: { rows: rows(1), more: false } }, 6));
    assert.deepEqual(store.read(a)?.lists.x, { rows: rows(2), more: true });
    assert.equal(store.read(b)?.savedAt, 6);
    assert.equal(store.read(c), undefined);
    assert.ok(fs.existsSync(path.join(dir, 'globalStorage', LAST_KNOWN_DIR, `${a}.json`)));
    await store.clear();
    assert.equal(fs.existsSync(path.join(dir, 'globalStorage', LAST_KNOWN_DIR)), false);
    assert.equal(store.read(a), undefined);
    await store.clear(); // nothing to remove is not an error
    assert.deepEqual(errors, []);
  });

  it('reads a damaged file as nothing kept and writes over it', async () => {
    const a = keyOf({ profile: 'a' });
    const store = new LastKnownStore(dir, (_w, e) => errors.push(e));
    fs.mkdirSync(store.folder);
    fs.writeFileSync(store.fileFor(a), '\u0000garbage');
    assert.equal(store.read(a), undefined);
    await writeTree(store, tree(a, {}, 3));
    assert.equal(store.read(a)?.savedAt, 3);
    assert.deepEqual(errors, []);
  });
});

describe('last-known tree: the store stays small and whole', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'last-known-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A child process (another window's extension host) that writes `key`'s tree when told "go" on stdin. */
  function writer(key: string, nRows: number): { ready: Promise<void>; go: () => void; done: Promise<string> } {
    const storeModule = path.join(__dirname, '..', '..', '..', 'src', 'lastKnown', 'store.js');
    const writeModule = path.join(__dirname, '..', '..', '..', 'src', 'lastKnown', 'write.js');
    const script = `
      const { LastKnownStore } = require(${JSON.stringify(storeModule)});
      const { writeTree } = require(${JSON.stringify(writeModule)});
      const errors = [];
      const store = new LastKnownStore(${JSON.stringify(dir)}, (what, e) => errors.push(what + ': ' + e), (line) => errors.push(line));
      const rows = Array.from({ length: ${nRows} }, (_, i) => ({ kind: 'userProfile', region: 'us-east-1', domainId: 'd-abc123', userProfileName: 'user-' + i }));
      const tree = { key: ${JSON.stringify(key)}, savedAt: Date.now(), regions: ['us-east-1'], expanded: ['d'], lists: { d: { rows, more: false } } };
      process.stdin.once('data', () => writeTree(store, tree).then(() => { process.stdout.write(errors.join('\\n')); process.exit(errors.length ? 1 : 0); }));
      process.stdout.write('ready\\n');
    `;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    let readyResolve: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (readyResolve = resolve));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.startsWith('ready\n')) {
        readyResolve();
      }
    });
    const done = new Promise<string>((resolve, reject) =>
      child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`the writer of ${key} failed (${code}): ${out}`)))),
    );
    return { ready, go: () => child.stdin.write('go\n'), done };
  }

  it('two windows writing at the same moment both keep their tree (20 times, real files, two processes)', async () => {
    const lost: string[] = [];
    for (let run = 0; run < 20; run++) {
      const round = path.join(dir, `run-${run}`);
      fs.mkdirSync(round);
      dir = round;
      const a = keyOf({ profile: `a${run}`, regions: ['us-east-1'] });
      const b = keyOf({ profile: `b${run}`, regions: ['us-east-1'] });
      const writers = [writer(a, MAX_ROWS_PER_LIST), writer(b, MAX_ROWS_PER_LIST)];
      await Promise.all(writers.map((w) => w.ready));
      writers.forEach((w) => w.go());
      await Promise.all(writers.map((w) => w.done));
      const store = new LastKnownStore(round, (what, e) => assert.fail(`${what}: ${String(e)}`));
      for (const [name, key] of [['a', a], ['b', b]]) {
        const kept = store.read(key);
        if (kept?.lists.d?.rows.length !== MAX_ROWS_PER_LIST) {
          lost.push(`run ${run}: ${name}`);
        }
      }
      dir = path.dirname(round);
    }
    assert.deepEqual(lost, [], 'trees lost to a concurrent write');
  });

  it('refuses a file above the size cap quickly, with one log line, and starts with no last-known tree', () => {
    const key = keyOf({ profile: 'dev', regions: ['us-east-1'] });
    const lines: string[] = [];
    const store = new LastKnownStore(dir, (what, e) => lines.push(`error ${what}: ${String(e)}`), (line) => lines.push(line));
    // 14 MB: 300,000 expanded ids, as the review found; a well-formed tree otherwise.
    const expanded = Array.from({ length: 300_000 }, (_, i) => `region:us-east-1/group:domains/domain:d-${String(i).padStart(8, '0')}/user:someone-${i}`);
    const big = JSON.stringify({ version: LAST_KNOWN_VERSION, tree: { key, savedAt: 1, regions: ['us-east-1'], expanded, lists: {} } });
    assert.ok(big.length > MAX_FILE_BYTES, `the file is above the cap (${big.length} bytes)`);
    fs.mkdirSync(path.dirname(store.fileFor(key)), { recursive: true });
    fs.writeFileSync(store.fileFor(key), big);
    const started = performance.now();
    const kept = store.read(key);
    const ms = performance.now() - started;
    assert.equal(kept, undefined, 'an oversized file gives no last-known tree');
    assert.ok(ms < 50, `refused in ${ms.toFixed(1)} ms, without reading it`);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /last-known tree.*larger than .*MiB.*not read/i);
    assert.ok(!lines[0].includes('\n'), 'one line');
  });

  it('does not read the old single file (it could be 14 MB), and removes it on the next write', async () => {
    const key = keyOf({ profile: 'dev', regions: ['us-east-1'] });
    const expanded = Array.from({ length: 300_000 }, (_, i) => `region:us-east-1/group:domains/domain:d-${String(i).padStart(8, '0')}/user:someone-${i}`);
    const legacy = path.join(dir, 'last-known-tree.json');
    fs.writeFileSync(legacy, JSON.stringify({ version: 1, trees: [{ key, savedAt: 1, regions: ['us-east-1'], expanded, lists: {} }] }));
    const store = new LastKnownStore(dir, (what, e) => assert.fail(`${what}: ${String(e)}`));
    const started = performance.now();
    assert.ok(store.read(key) === undefined, 'the old file gives no last-known tree');
    assert.ok(performance.now() - started < 50, 'the old file was not read');
    await writeTree(store, tree(key, { x: { rows: rows(1), more: false } }, 2));
    assert.equal(fs.existsSync(legacy), false, 'the old file is removed');
    assert.equal(store.read(key)?.savedAt, 2);
  });

  it('caps every list on write and on read: rows, lists, expanded ids, regions', async () => {
    const key = keyOf({ profile: 'dev', regions: ['us-east-1'] });
    const store = new LastKnownStore(dir, (what, e) => assert.fail(`${what}: ${String(e)}`));
    const lists: Record<string, { rows: StoredRow[]; more: boolean }> = {};
    for (let i = 0; i < MAX_LISTS_PER_TREE + 50; i++) {
      lists[`l${i}`] = { rows: [], more: false };
    }
    const expanded = Array.from({ length: MAX_EXPANDED + 500 }, (_, i) => `n${i}`);
    const regions = Array.from({ length: MAX_REGIONS + 10 }, (_, i) => `r${i}`);
    await writeTree(store, { key, savedAt: 1, regions, expanded, lists });
    const onDisk = JSON.parse(fs.readFileSync(store.fileFor(key), 'utf8')) as { tree: StoredTree };
    assert.equal(Object.keys(onDisk.tree.lists).length, MAX_LISTS_PER_TREE);
    assert.equal(onDisk.tree.expanded.length, MAX_EXPANDED);
    assert.equal(onDisk.tree.regions.length, MAX_REGIONS);
    // A file written by something else, under the size cap but with every list too long, is capped as read.
    const small = Array.from({ length: 200_000 }, (_, i) => String(i));
    fs.writeFileSync(store.fileFor(key), JSON.stringify({ version: LAST_KNOWN_VERSION, tree: { key, savedAt: 1, regions: ['us-east-1'], expanded: small, lists: {} } }));
    assert.ok(fs.statSync(store.fileFor(key)).size < MAX_FILE_BYTES);
    assert.equal(store.read(key)?.expanded.length, MAX_EXPANDED);
  });

  it('keeps the trees of the MAX_TREES connections written last', async () => {
    const store = new LastKnownStore(dir, (what, e) => assert.fail(`${what}: ${String(e)}`));
    const keys = Array.from({ length: MAX_TREES + 2 }, (_, i) => keyOf({ profile: `p${i}` }));
    for (const [i, k] of keys.entries()) {
      await writeTree(store, tree(k, {}, i));
      await new Promise((r) => setTimeout(r, 20));
    }
    await writeTree(store, tree(keys[0], {}, 99));
    const kept = keys.filter((k) => store.read(k) !== undefined);
    assert.deepEqual(kept, [keys[0], ...keys.slice(3)]);
    assert.equal(store.read(keys[0])?.savedAt, 99);
  });
});
