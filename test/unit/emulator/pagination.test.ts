/** MaxResults and an opaque NextToken as the service pages; forged or stale tokens are refused. */
import * as assert from 'node:assert/strict';
import * as sm from '@aws-sdk/client-sagemaker';
import { startEmulator } from '../../emulator';
import { client, EAST_DOMAIN, rejectsWith, useEmulator } from './helpers';

const INVALID_TOKEN = /Invalid pagination token/;

describe('emulator pagination', () => {
  describe('on a large account', () => {
    const { emu } = useEmulator({ data: 'large' });

    it('walks thousands of user profiles with the SDK paginator, no duplicates, none missed', async () => {
      const names: string[] = [];
      for await (const page of sm.paginateListUserProfiles({ client: client(emu()), pageSize: 100 }, {})) {
        assert.ok((page.UserProfiles?.length ?? 0) <= 100);
        names.push(...(page.UserProfiles ?? []).map((u) => u.UserProfileName ?? ''));
      }
      assert.equal(names.length, 3000);
      assert.equal(new Set(names).size, 3000);
      assert.equal(emu().callCount('ListUserProfiles'), 30);
    });

    it('defaults to 10 items per page and stops giving NextToken on the last page', async () => {
      const first = await client(emu()).send(new sm.ListNotebookInstancesCommand({}));
      assert.equal(first.NotebookInstances?.length, 10);
      assert.ok(first.NextToken);
      const spaces: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await client(emu()).send(new sm.ListSpacesCommand({ MaxResults: 100, NextToken: token }));
        spaces.push(...(page.Spaces ?? []).map((s) => s.SpaceName ?? ''));
        token = page.NextToken;
        pages++;
      } while (token);
      assert.equal(spaces.length, 3500);
      assert.equal(pages, 35);
      assert.equal(new Set(spaces).size, 3500);
    });
  });

  describe('tokens', () => {
    const { emu } = useEmulator();
    afterEach(() => emu().reset());
    const firstPage = async () => {
      const page = await client(emu()).send(new sm.ListSpacesCommand({ DomainIdEquals: EAST_DOMAIN, MaxResults: 2 }));
      assert.ok(page.NextToken);
      return page.NextToken;
    };

    it('the next page continues where the first ended', async () => {
      const c = client(emu());
      const p1 = await c.send(new sm.ListSpacesCommand({ DomainIdEquals: EAST_DOMAIN, MaxResults: 2 }));
      const p2 = await c.send(new sm.ListSpacesCommand({ DomainIdEquals: EAST_DOMAIN, MaxResults: 2, NextToken: p1.NextToken }));
      const all = await c.send(new sm.ListSpacesCommand({ DomainIdEquals: EAST_DOMAIN, MaxResults: 4 }));
      assert.deepEqual([...(p1.Spaces ?? []), ...(p2.Spaces ?? [])].map((s) => s.SpaceName), all.Spaces?.map((s) => s.SpaceName));
    });

    it('an item added between pages neither repeats nor hides what was already listed', async () => {
      const c = client(emu());
      const p1 = await c.send(new sm.ListAppsCommand({ DomainIdEquals: EAST_DOMAIN, MaxResults: 3 }));
      await c.send(new sm.CreateAppCommand({ DomainId: EAST_DOMAIN, SpaceName: 'shared-code-review', AppType: 'CodeEditor', AppName: 'default' }));
      const rest = await c.send(new sm.ListAppsCommand({ DomainIdEquals: EAST_DOMAIN, MaxResults: 100, NextToken: p1.NextToken }));
      const seen = [...(p1.Apps ?? []), ...(rest.Apps ?? [])].map((a) => `${a.SpaceName ?? a.UserProfileName}/${a.AppType}`);
      assert.equal(new Set(seen).size, seen.length, 'no app listed twice');
      assert.ok(seen.includes('shared-code-review/CodeEditor'), 'the new app (newest) is on a later page');
    });

    it('a forged or altered token is ValidationException', async () => {
      const token = await firstPage();
      const [body, mac] = token.split('.');
      const decoded = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
      const forgedBody = Buffer.from(JSON.stringify({ ...decoded, k: [0, 'a', 'a'] })).toString('base64url');
      for (const bad of [`${forgedBody}.${mac}`, 'not-a-token', `${body}.AAAA`, `${token}x`, Buffer.from('{"offset":10}').toString('base64')]) {
        await rejectsWith(client(emu()).send(new sm.ListSpacesCommand({ DomainIdEquals: EAST_DOMAIN, MaxResults: 2, NextToken: bad })), 'ValidationException', INVALID_TOKEN);
      }
    });

    it('a token is bound to its operation, filters and region', async () => {
      const token = await firstPage();
      await rejectsWith(client(emu()).send(new sm.ListUserProfilesCommand({ NextToken: token })), 'ValidationException', INVALID_TOKEN);
      await rejectsWith(client(emu()).send(new sm.ListSpacesCommand({ DomainIdEquals: EAST_DOMAIN, SpaceNameContains: 'a', NextToken: token })), 'ValidationException', INVALID_TOKEN);
      await rejectsWith(client(emu()).send(new sm.ListSpacesCommand({ DomainIdEquals: EAST_DOMAIN, SortOrder: 'Descending', NextToken: token })), 'ValidationException', INVALID_TOKEN);
      await rejectsWith(client(emu(), { region: 'eu-west-1' }).send(new sm.ListSpacesCommand({ DomainIdEquals: EAST_DOMAIN, NextToken: token })), 'ValidationException', INVALID_TOKEN);
      // MaxResults may change between pages, as with the service.
      assert.ok((await client(emu()).send(new sm.ListSpacesCommand({ DomainIdEquals: EAST_DOMAIN, MaxResults: 3, NextToken: token }))).Spaces?.length);
    });

    it('a stale token (issued before a reset, or by another emulator) is ValidationException', async () => {
      const token = await firstPage();
      emu().reset();
      await rejectsWith(client(emu()).send(new sm.ListSpacesCommand({ DomainIdEquals: EAST_DOMAIN, MaxResults: 2, NextToken: token })), 'ValidationException', INVALID_TOKEN);
      const other = await startEmulator();
      try {
        const otherToken = (await client(other).send(new sm.ListSpacesCommand({ DomainIdEquals: EAST_DOMAIN, MaxResults: 2 }))).NextToken;
        await rejectsWith(client(emu()).send(new sm.ListSpacesCommand({ DomainIdEquals: EAST_DOMAIN, MaxResults: 2, NextToken: otherToken })), 'ValidationException', INVALID_TOKEN);
      } finally {
        await other.stop();
      }
    });
  });
});
