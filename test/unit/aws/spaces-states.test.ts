import * as assert from 'node:assert/strict';
import { callLimiter, STATE_CALLS_IN_FLIGHT, type SageMakerAccess, type Space } from '../../../src/aws/index';
import type { AppRecord, EmulatorData, SpaceRecord } from '../../emulator/index';
import { emulatorFixture, type EmulatorFixture } from './fixture';

const DOMAIN = 'd-statefill001';
const SMALL = 'd-statesmall01';
const t = (minutes: number): string => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString();
/** Shared spaces "s-00".."s-14"; s-00 and s-01 ran last (in the domain's first ListApps page). */
const SHARED = Array.from({ length: 15 }, (_, i) => `s-${String(i).padStart(2, '0')}`);

/**
 * A domain where the profile "me" sees 15 shared spaces, two of them in the domain's newest
 * apps, the rest's apps buried under 300 newer apps of others' private spaces, one never started.
 */
function data(): EmulatorData {
  const spaces: SpaceRecord[] = [];
  const apps: AppRecord[] = [];
  for (let i = 0; i < 20; i++) {
    spaces.push({ domainId: DOMAIN, spaceName: `other-${i}`, status: 'InService', appType: 'JupyterLab', sharingType: 'Private', ownerUserProfileName: `user-${i}`, creationTime: t(i), lastModifiedTime: t(i) });
  }
  SHARED.forEach((name, i) => {
    spaces.push({ domainId: DOMAIN, spaceName: name, status: 'InService', appType: 'CodeEditor', sharingType: 'Shared', creationTime: t(30 + i), lastModifiedTime: t(30 + i) });
    if (name !== 's-14') {
      apps.push({ domainId: DOMAIN, appType: 'CodeEditor', appName: 'default', spaceName: name, status: i % 2 ? 'Deleted' : 'InService', creationTime: t(i < 2 ? 10_000 + i : 100 + i) });
    }
  });
  for (let i = 0; i < 300; i++) {
    apps.push({ domainId: DOMAIN, appType: 'JupyterLab', appName: 'default', spaceName: `other-${i % 20}`, status: 'Deleted', creationTime: t(1000 + i) });
  }
  // A small domain: all its apps fit in one ListApps page.
  spaces.push({ domainId: SMALL, spaceName: 'small-a', status: 'InService', appType: 'JupyterLab', sharingType: 'Shared', creationTime: t(1), lastModifiedTime: t(1) });
  spaces.push({ domainId: SMALL, spaceName: 'small-never', status: 'InService', appType: 'JupyterLab', sharingType: 'Shared', creationTime: t(2), lastModifiedTime: t(2) });
  apps.push({ domainId: SMALL, appType: 'JupyterLab', appName: 'default', spaceName: 'small-a', status: 'InService', creationTime: t(5) });
  return {
    accountId: '123456789012',
    regions: {
      'us-east-1': {
        domains: [
          { domainId: DOMAIN, domainName: 'states', status: 'InService', authMode: 'IAM', creationTime: t(0), lastModifiedTime: t(0) },
          { domainId: SMALL, domainName: 'small', status: 'InService', authMode: 'IAM', creationTime: t(0), lastModifiedTime: t(0) },
        ],
        userProfiles: [
          { domainId: DOMAIN, userProfileName: 'me', status: 'InService', creationTime: t(0), lastModifiedTime: t(0) },
          { domainId: SMALL, userProfileName: 'me', status: 'InService', creationTime: t(0), lastModifiedTime: t(0) },
        ],
        spaces,
        apps,
        notebookInstances: [],
      },
    },
  };
}

const expectedState = (name: string): string => {
  const i = SHARED.indexOf(name);
  return i === 14 ? 'Stopped' : i % 2 ? 'Stopped' : 'Running';
};

/** When each slow (state) ListApps call was in the emulator: [start, end] in ms. */
const slowCalls: [number, number][] = [];
const SLOW_MS = 150;

/** The most of these intervals that overlap at one moment. */
function mostAtOnce(intervals: readonly [number, number][]): number {
  const edges = intervals.flatMap(([a, b]) => [[a, 1], [b, -1]] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let now = 0;
  let most = 0;
  for (const [, d] of edges) {
    most = Math.max(most, (now += d));
  }
  return most;
}

describe('aws/listSpacesFor with onAppStates: rows first, states after (local SageMaker endpoint)', function () {
  let fx: EmulatorFixture;
  let access: SageMakerAccess;
  before(async () => {
    fx = await emulatorFixture({
      data: data(),
      onCall: (c) => {
        if (c.operation === 'ListApps' && c.durationMs >= SLOW_MS - 10) {
          const end = Date.now();
          slowCalls.push([end - c.durationMs, end]);
        }
      },
    });
    access = fx.access();
  });
  after(async () => fx.close());
  beforeEach(() => {
    fx.emu.resetCallCounts();
    fx.emu.clearFaults();
    slowCalls.length = 0;
  });

  it('returns the spaces after one round trip (ListSpaces + the first ListApps page); fills the rest in waves of at most STATE_CALLS_IN_FLIGHT calls', async () => {
    const batches: Space[][] = [];
    const page = await access.listSpacesFor('us-east-1', DOMAIN, 'me', { onAppStates: (b) => batches.push(b) });
    assert.deepEqual(page.items.map((s) => s.spaceName), SHARED);
    // s-00 and s-01 are in the domain's newest apps: known at once; the rest not yet.
    assert.deepEqual(page.items.map((s) => s.appState), ['Running', 'Stopped', ...Array<string>(13).fill('Unknown')]);
    assert.equal(fx.emu.callCount('ListSpaces'), 1);
    assert.equal(fx.emu.callCount('ListApps'), 1, 'only the first ListApps page before the rows');
    await page.states;
    // 13 spaces, one call each: waves of 6, 6, 1, one batch each.
    assert.deepEqual(batches.map((b) => b.length), chunks(13, STATE_CALLS_IN_FLIGHT));
    assert.equal(fx.emu.callCount('ListApps'), 1 + 13);
    const states = new Map(batches.flat().map((s) => [s.spaceName, s.appState]));
    assert.deepEqual([...states.keys()].sort(), SHARED.slice(2));
    for (const name of SHARED.slice(2)) {
      assert.equal(states.get(name), expectedState(name), name);
    }
  });

  it('in a domain whose apps fit in one page, every state comes with the rows, one ListApps call', async () => {
    const batches: Space[][] = [];
    const page = await access.listSpacesFor('us-east-1', SMALL, 'me', { onAppStates: (b) => batches.push(b) });
    await page.states;
    assert.deepEqual(page.items.map((s) => [s.spaceName, s.appState]), [['small-a', 'Running'], ['small-never', 'Stopped']]);
    assert.deepEqual(batches, []);
    assert.equal(fx.emu.callCount('ListApps'), 1);
  });

  it('a failed state call leaves its space unknown and reports it; the others fill in', async () => {
    fx.emu.setFault({ operation: 'ListApps', kind: 'accessDenied', match: { SpaceName: 's-07' } });
    const batches: Space[][] = [];
    const failures: string[][] = [];
    const page = await access.listSpacesFor('us-east-1', DOMAIN, 'me', {
      onAppStates: (b) => batches.push(b),
      onAppStateError: (_e, names) => failures.push([...names]),
    });
    await page.states;
    assert.deepEqual(failures, [['s-07']]);
    const known = batches.flat().map((s) => s.spaceName).sort();
    assert.deepEqual(known, SHARED.slice(2).filter((n) => n !== 's-07'));
    assert.equal(page.items.find((s) => s.spaceName === 's-07')?.appState, 'Unknown');
  });

  it('stops asking for states when the listing is cancelled (the palette\'s pick closed)', async () => {
    // Each state call takes a while, so the first wave is in flight when the listing is cancelled.
    fx.emu.setFault({ operation: 'ListApps', kind: 'latency', latencyMs: SLOW_MS, match: { MaxResults: 1 } });
    const abort = new AbortController();
    const batches: Space[][] = [];
    const page = await access.listSpacesFor('us-east-1', DOMAIN, 'me', { signal: abort.signal, onAppStates: (b) => batches.push(b) });
    assert.equal(page.items.filter((s) => s.appState === 'Unknown').length, 13);
    abort.abort();
    await page.states;
    await new Promise((r) => setTimeout(r, 2 * SLOW_MS));
    // The first page, and at most the first wave (already sent): not the 13 the listing would ask.
    assert.ok(fx.emu.callCount('ListApps') <= 1 + STATE_CALLS_IN_FLIGHT, `ListApps calls: ${fx.emu.callCount('ListApps')}`);
    assert.deepEqual(batches, [], 'nothing is reported after the cancel');
  });

  it('listings that share a limiter keep their state calls together within STATE_CALLS_IN_FLIGHT', async () => {
    fx.emu.setFault({ operation: 'ListApps', kind: 'latency', latencyMs: SLOW_MS, match: { MaxResults: 1 } });
    const both = async (stateCalls?: ReturnType<typeof callLimiter>): Promise<number> => {
      slowCalls.length = 0;
      const pages = await Promise.all([1, 2].map(() => access.listSpacesFor('us-east-1', DOMAIN, 'me', { onAppStates: () => undefined, stateCalls })));
      await Promise.all(pages.map((p) => p.states ?? Promise.resolve()));
      assert.equal(slowCalls.length, 2 * 13);
      return mostAtOnce(slowCalls);
    };
    assert.ok((await both()) > STATE_CALLS_IN_FLIGHT, 'each listing on its own bound: together above it (the check can fail)');
    assert.ok((await both(callLimiter(STATE_CALLS_IN_FLIGHT))) <= STATE_CALLS_IN_FLIGHT);
  });

  it('a later page of the same listing reuses its first ListApps page: no call before its rows', async () => {
    const first = await access.listSpacesFor('us-east-1', DOMAIN, 'me', { maxResults: 10, onAppStates: () => undefined });
    await first.states;
    assert.ok(first.nextToken, 'the listing has a next page');
    const apps = fx.emu.callCount('ListApps');
    const batches: Space[][] = [];
    const next = await access.listSpacesFor('us-east-1', DOMAIN, 'me', { maxResults: 10, nextToken: first.nextToken, onAppStates: (b) => batches.push(b) });
    assert.equal(fx.emu.callCount('ListApps'), apps, 'the first page came from the first call');
    await next.states;
    const unknown = next.items.filter((s) => s.appState === 'Unknown');
    assert.ok(next.items.length > 0);
    assert.equal(fx.emu.callCount('ListApps'), apps + unknown.length, 'then one call per space it did not show');
    for (const s of batches.flat()) {
      assert.equal(s.appState, expectedState(s.spaceName), s.spaceName);
    }
  });

  it('without onAppStates, the page comes back with every state (as before)', async () => {
    const page = await access.listSpacesFor('us-east-1', DOMAIN, 'me');
    assert.equal(page.states, undefined);
    for (const s of page.items) {
      assert.equal(s.appState, expectedState(s.spaceName), s.spaceName);
    }
  });
});

function chunks(n: number, size: number): number[] {
  const out: number[] = [];
  for (let left = n; left > 0; left -= size) {
    out.push(Math.min(size, left));
  }
  return out;
}
