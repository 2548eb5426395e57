import * as assert from 'node:assert/strict';
import { STATE_CALLS_IN_FLIGHT, type SageMakerAccess, type Space } from '../../../src/aws/index';
import type { AppRecord, EmulatorData, SpaceRecord } from '../../emulator/index';
import { emulatorFixture, type EmulatorFixture } from './fixture';

const DOMAIN = 'd-statefill001';
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
  return {
    accountId: '123456789012',
    regions: {
      'us-east-1': {
        domains: [{ domainId: DOMAIN, domainName: 'states', status: 'InService', authMode: 'IAM', creationTime: t(0), lastModifiedTime: t(0) }],
        userProfiles: [{ domainId: DOMAIN, userProfileName: 'me', status: 'InService', creationTime: t(0), lastModifiedTime: t(0) }],
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

describe('aws/listSpacesFor with onAppStates: rows first, states after (local SageMaker endpoint)', function () {
  let fx: EmulatorFixture;
  let access: SageMakerAccess;
  before(async () => {
    fx = await emulatorFixture({ data: data() });
    access = fx.access();
  });
  after(async () => fx.close());
  beforeEach(() => {
    fx.emu.resetCallCounts();
    fx.emu.clearFaults();
  });

  it('returns the spaces after ListSpaces alone, states unknown; fills them in waves of at most STATE_CALLS_IN_FLIGHT calls', async () => {
    const batches: Space[][] = [];
    const page = await access.listSpacesFor('us-east-1', DOMAIN, 'me', { onAppStates: (b) => batches.push(b) });
    assert.deepEqual(page.items.map((s) => s.spaceName), SHARED);
    assert.ok(page.items.every((s) => s.appState === 'Unknown'), 'states unknown when the rows come back');
    assert.equal(fx.emu.callCount('ListSpaces'), 1);
    // Only the domain's first ListApps page went out alongside ListSpaces.
    assert.ok(fx.emu.callCount('ListApps') <= 1, `ListApps calls before the rows: ${fx.emu.callCount('ListApps')}`);
    await page.states;
    // First page: s-00, s-01. Then 13 spaces one call each: waves of 6, 6, 1.
    assert.deepEqual(batches.map((b) => b.length), [2, ...chunks(13, STATE_CALLS_IN_FLIGHT)]);
    assert.equal(fx.emu.callCount('ListApps'), 1 + 13);
    const states = new Map(batches.flat().map((s) => [s.spaceName, s.appState]));
    assert.deepEqual([...states.keys()].sort(), SHARED);
    for (const name of SHARED) {
      assert.equal(states.get(name), expectedState(name), name);
    }
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
    assert.deepEqual(known, SHARED.filter((n) => n !== 's-07'));
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
