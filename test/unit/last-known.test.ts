import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  capTree,
  connectionKey,
  findTree,
  LAST_KNOWN_VERSION,
  MAX_ROWS_PER_LIST,
  MAX_ROWS_PER_TREE,
  MAX_TREES,
  parseFile,
  putTree,
  restoreRow,
  storeRow,
  type StoredRow,
  type StoredTree,
} from '../../src/lastKnown/snapshot';
import { LAST_KNOWN_FILE, LastKnownStore } from '../../src/lastKnown/store';

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
    assert.equal(connectionKey(base), connectionKey({ ...base, regions: ['us-east-1'] }));
    const keys = new Set([
      connectionKey(base),
      connectionKey({ ...base, profile: 'prod' }),
      connectionKey({ ...base, profile: undefined }),
      connectionKey({ ...base, regions: ['us-east-1', 'eu-west-1'] }),
      connectionKey({ ...base, regions: undefined }),
      connectionKey({ ...base, endpointUrl: undefined }),
    ]);
    assert.equal(keys.size, 6);
  });

  it('names neither the profile nor the endpoint', () => {
    const key = connectionKey({ profile: 'my-admin-profile', endpointUrl: 'http://127.0.0.1:4566' });
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
    assert.deepEqual(parseFile(undefined).trees, []);
    assert.deepEqual(parseFile('{not json').trees, []);
    assert.deepEqual(parseFile(JSON.stringify({ version: LAST_KNOWN_VERSION + 1, trees: [tree('k', {})] })).trees, []);
    const file = parseFile(
      JSON.stringify({
        version: LAST_KNOWN_VERSION,
        trees: [{ ...tree('k', { a: { rows: [...rows(2), { kind: 'domain' }, 7] as StoredRow[], more: false } }) }, { key: 'no-date' }],
      }),
    );
    assert.equal(file.trees.length, 1);
    assert.equal(file.trees[0].lists.a.rows.length, 2);
  });

  it('keeps one tree per connection, the newest first, at most MAX_TREES', () => {
    let file = parseFile(undefined);
    for (let i = 0; i < MAX_TREES + 2; i++) {
      file = putTree(file, tree(`k${i}`, {}, i));
    }
    file = putTree(file, tree('k3', { a: { rows: rows(1), more: false } }, 99));
    assert.equal(file.trees.length, MAX_TREES);
    // k3 moves to the front; the others keep their order; the oldest fall off.
    const before = Array.from({ length: MAX_TREES }, (_, i) => `k${MAX_TREES + 1 - i}`);
    assert.deepEqual(
      file.trees.map((t) => t.key),
      ['k3', ...before.filter((k) => k !== 'k3')].slice(0, MAX_TREES),
    );
    assert.equal(findTree(file, 'k3')?.savedAt, 99);
    assert.equal(findTree(file, 'k0'), undefined);
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
    const store = new LastKnownStore(path.join(dir, 'globalStorage'), (_w, e) => errors.push(e));
    assert.equal(store.read('a'), undefined, 'nothing kept yet (no folder, no file)');
    await store.write(tree('a', { x: { rows: rows(2), more: true } }, 5));
    await store.write(tree('b', { y: { rows: rows(1), more: false } }, 6));
    assert.deepEqual(store.read('a')?.lists.x, { rows: rows(2), more: true });
    assert.equal(store.read('b')?.savedAt, 6);
    assert.equal(store.read('c'), undefined);
    assert.ok(fs.existsSync(path.join(dir, 'globalStorage', LAST_KNOWN_FILE)));
    await store.clear();
    assert.equal(fs.existsSync(path.join(dir, 'globalStorage', LAST_KNOWN_FILE)), false);
    assert.equal(store.read('a'), undefined);
    await store.clear(); // nothing to remove is not an error
    assert.deepEqual(errors, []);
  });

  it('reads a damaged file as nothing kept and writes over it', async () => {
    const store = new LastKnownStore(dir, (_w, e) => errors.push(e));
    fs.writeFileSync(path.join(dir, LAST_KNOWN_FILE), '\u0000garbage');
    assert.equal(store.read('a'), undefined);
    await store.write(tree('a', {}, 3));
    assert.equal(store.read('a')?.savedAt, 3);
    assert.deepEqual(errors, []);
  });
});
