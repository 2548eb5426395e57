import * as assert from 'node:assert/strict';
import type { SageMakerAccess } from '../../../src/aws/index';
import type { AppRecord, EmulatorData, SpaceRecord } from '../../emulator/index';
import { emulatorFixture, type EmulatorFixture } from './fixture';

const DOMAIN = 'd-pagingtest01';
const t = (minutes: number): string => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString();

/**
 * A domain where the profile "me" has one private space among many private spaces of others,
 * three shared spaces (one never started), and a thousand newer apps of other spaces.
 */
function data(): EmulatorData {
  const spaces: SpaceRecord[] = [];
  const apps: AppRecord[] = [];
  const space = (spaceName: string, minute: number, sharingType: 'Private' | 'Shared', owner?: string): void => {
    spaces.push({ domainId: DOMAIN, spaceName, status: 'InService', appType: 'JupyterLab', sharingType, ownerUserProfileName: owner, creationTime: t(minute), lastModifiedTime: t(minute) });
  };
  for (let i = 0; i < 12; i++) {
    space(`other-${i}`, i, 'Private', `user-${i}`);
  }
  space('mine', 20, 'Private', 'me');
  space('shared-a', 21, 'Shared');
  space('shared-b', 22, 'Shared');
  space('shared-never-started', 23, 'Shared');
  apps.push({ domainId: DOMAIN, appType: 'JupyterLab', appName: 'default', spaceName: 'mine', status: 'InService', creationTime: t(30) });
  apps.push({ domainId: DOMAIN, appType: 'JupyterLab', appName: 'default', spaceName: 'shared-a', status: 'Deleted', creationTime: t(31) });
  apps.push({ domainId: DOMAIN, appType: 'JupyterLab', appName: 'default', spaceName: 'shared-b', status: 'Deleted', creationTime: t(32) });
  apps.push({ domainId: DOMAIN, appType: 'JupyterLab', appName: 'default', spaceName: 'shared-b', status: 'Pending', creationTime: t(33) });
  for (let i = 0; i < 1000; i++) {
    apps.push({ domainId: DOMAIN, appType: 'JupyterLab', appName: 'default', spaceName: `other-${i % 12}`, status: 'Deleted', creationTime: t(100 + i) });
  }
  return {
    accountId: '123456789012',
    regions: {
      'us-east-1': {
        domains: [{ domainId: DOMAIN, domainName: 'paging', status: 'InService', authMode: 'IAM', creationTime: t(0), lastModifiedTime: t(0) }],
        userProfiles: [{ domainId: DOMAIN, userProfileName: 'me', status: 'InService', creationTime: t(0), lastModifiedTime: t(0) }],
        spaces,
        apps,
        notebookInstances: [],
      },
    },
  };
}

describe('aws/listSpacesFor in a busy domain (local SageMaker endpoint)', function () {
  let fx: EmulatorFixture;
  let access: SageMakerAccess;
  before(async () => {
    fx = await emulatorFixture({ data: data() });
    access = fx.access();
  });
  after(async () => fx.close());
  beforeEach(() => fx.emu.resetCallCounts());

  it('joins the newest app of each space; bounds ListApps calls when the apps sit deep in the listing', async () => {
    const page = await access.listSpacesFor('us-east-1', DOMAIN, 'me');
    assert.deepEqual(
      page.items.map((s) => [s.spaceName, s.appState]),
      [['mine', 'Running'], ['shared-a', 'Stopped'], ['shared-b', 'Starting'], ['shared-never-started', 'Stopped']],
    );
    assert.equal(page.nextToken, undefined);
    assert.equal(fx.emu.callCount('ListSpaces'), 1);
    // 1004 apps = 11 domain pages; after 4 pages with 4 spaces unseen, one call per space instead.
    assert.equal(fx.emu.callCount('ListApps'), 4 + 4);
  });

  it("skips ListSpaces pages holding only others' private spaces, so a page is never empty while more exist", async () => {
    const first = await access.listSpacesFor('us-east-1', DOMAIN, 'me', { maxResults: 4 });
    // Pages of 4: [other-0..3], [other-4..7], [other-8..11] hold nothing for "me"; the 4th does.
    assert.deepEqual(first.items.map((s) => s.spaceName), ['mine', 'shared-a', 'shared-b', 'shared-never-started']);
    assert.equal(fx.emu.callCount('ListSpaces'), 4);
  });

  it('a single space costs one ListApps call', async () => {
    const space = await access.describeSpace('us-east-1', DOMAIN, 'shared-b');
    assert.equal(space.appState, 'Starting');
    assert.equal(fx.emu.callCount('ListApps'), 1);
  });
});
