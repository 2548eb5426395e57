/** Presigned URLs work in a browser: a stand-in page before expiry, a redirect to sign-in after. */
import * as assert from 'node:assert/strict';
import * as sm from '@aws-sdk/client-sagemaker';
import { client, EAST_DOMAIN, useEmulator } from './helpers';

/** The value shown for a field on the page (the pages mark each with data-field). */
function field(html: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`data-field="${escaped}">([^<]*)<`).exec(html)?.[1];
}

const title = (html: string): string | undefined => /<title>([^<]*)<\/title>/.exec(html)?.[1];

describe('emulator presigned URL pages', () => {
  const { emu } = useEmulator();
  afterEach(() => emu().reset());
  const c = () => client(emu());
  const domainUrl = async (input: Partial<sm.CreatePresignedDomainUrlCommandInput>) =>
    (await c().send(new sm.CreatePresignedDomainUrlCommand({ DomainId: EAST_DOMAIN, UserProfileName: 'alice', ...input }))).AuthorizedUrl ?? '';

  it('a space URL shows the app of the space, naming domain, user profile, space, landing page and session lifetime', async () => {
    const url = await domainUrl({ SpaceName: 'alice-jupyterlab', ExpiresInSeconds: 60, SessionExpirationDurationInSeconds: 1800 });
    const res = await fetch(url, { redirect: 'manual' });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    const html = await res.text();
    assert.equal(title(html), 'JupyterLab');
    assert.equal(field(html, 'Domain'), EAST_DOMAIN);
    assert.equal(field(html, 'User profile'), 'alice');
    assert.equal(field(html, 'Space'), 'alice-jupyterlab');
    assert.equal(field(html, 'Landing page'), '(default)');
    assert.equal(field(html, 'Session lifetime (seconds)'), '1800');
    assert.equal(field(html, 'URL lifetime (seconds)'), '60');
  });

  it('the landing page chooses the application shown', async () => {
    const cases: [Partial<sm.CreatePresignedDomainUrlCommandInput>, string][] = [
      [{}, 'SageMaker Studio'],
      [{ LandingUri: 'studio::' }, 'SageMaker Studio'],
      [{ LandingUri: 'app:CodeEditor:' }, 'Code Editor'],
      [{ LandingUri: 'app:JupyterServer:' }, 'Studio Classic'],
      [{ SpaceName: 'carol-rstudio', UserProfileName: 'carol' }, 'RStudio'],
      [{ SpaceName: 'shared-code-review' }, 'Code Editor'],
    ];
    for (const [input, expected] of cases) {
      const html = await (await fetch(await domainUrl(input))).text();
      assert.equal(title(html), expected, JSON.stringify(input));
    }
    const html = await (await fetch(await domainUrl({ LandingUri: 'app:JupyterLab:lab/tree/work' }))).text();
    assert.equal(field(html, 'Landing page'), 'app:JupyterLab:lab/tree/work');
  });

  it('after ExpiresInSeconds the URL redirects (302) to a sign-in page', async () => {
    const url = await domainUrl({ ExpiresInSeconds: 5 });
    emu().advanceClock(4_000);
    assert.equal((await fetch(url, { redirect: 'manual' })).status, 200, 'still valid before expiry');
    emu().advanceClock(1_000);
    const res = await fetch(url, { redirect: 'manual' });
    assert.equal(res.status, 302);
    const location = new URL(res.headers.get('location') ?? '', emu().url);
    assert.equal(location.pathname, '/signin');
    const signIn = await fetch(location);
    assert.equal(signIn.status, 200);
    assert.match(await signIn.text(), /Sign in/);
  });

  it('the default URL lifetime is 300 s and the default session 43200 s', async () => {
    const url = await domainUrl({});
    const html = await (await fetch(url)).text();
    assert.equal(field(html, 'Session lifetime (seconds)'), '43200');
    emu().advanceClock(299_000);
    assert.equal((await fetch(url, { redirect: 'manual' })).status, 200);
    emu().advanceClock(1_000);
    assert.equal((await fetch(url, { redirect: 'manual' })).status, 302);
  });

  it('notebook URLs open Jupyter, or JupyterLab under /lab, and expire after 5 minutes', async () => {
    const out = await c().send(new sm.CreatePresignedNotebookInstanceUrlCommand({ NotebookInstanceName: 'fraud-detection-dev', SessionExpirationDurationInSeconds: 7200 }));
    const url = new URL(out.AuthorizedUrl ?? '');
    const classic = await (await fetch(url)).text();
    assert.equal(title(classic), 'Jupyter');
    assert.equal(field(classic, 'Notebook instance'), 'fraud-detection-dev');
    assert.equal(field(classic, 'Session lifetime (seconds)'), '7200');
    const lab = new URL(url);
    lab.pathname += '/lab';
    assert.equal(title(await (await fetch(lab)).text()), 'JupyterLab');
    emu().advanceClock(300_000);
    const expired = await fetch(url, { redirect: 'manual' });
    assert.equal(expired.status, 302);
    assert.equal(new URL(expired.headers.get('location') ?? '', emu().url).pathname, '/signin');
  });

  it('a forged token, or a token used for another notebook instance, is refused (403)', async () => {
    assert.equal((await fetch(`${emu().url}/auth?token=forged`)).status, 403);
    assert.equal((await fetch(`${emu().url}/auth`)).status, 403);
    const out = await c().send(new sm.CreatePresignedNotebookInstanceUrlCommand({ NotebookInstanceName: 'fraud-detection-dev' }));
    const other = new URL(out.AuthorizedUrl ?? '');
    other.pathname = '/notebook/nlp-experiments';
    assert.equal((await fetch(other)).status, 403);
    // A notebook token does not open Studio either.
    const token = new URL(out.AuthorizedUrl ?? '').searchParams.get('authToken') ?? '';
    assert.equal((await fetch(`${emu().url}/auth?token=${token}`)).status, 403);
  });

  it('records each URL\'s lifetimes and opens, without the token', async () => {
    const url = await domainUrl({ SpaceName: 'team-analytics', ExpiresInSeconds: 10, SessionExpirationDurationInSeconds: 3600 });
    await fetch(url);
    emu().advanceClock(10_000);
    await fetch(url, { redirect: 'manual' });
    const grants = emu().presignedGrants();
    assert.equal(grants.length, 1);
    const g = grants[0];
    assert.equal(g.kind, 'domain');
    assert.equal(g.spaceName, 'team-analytics');
    assert.equal(g.expiresInSeconds, 10);
    assert.equal(g.sessionExpirationDurationInSeconds, 3600);
    assert.equal(g.sessionExpiresAt.getTime() - g.createdAt.getTime(), 3_600_000);
    assert.equal(g.openedBeforeExpiry, 1);
    assert.equal(g.openedAfterExpiry, 1);
    const token = new URL(url).searchParams.get('token') ?? '';
    const overHttp = await (await fetch(`${emu().adminUrl}/presigned`)).text();
    assert.ok(overHttp.includes('"sessionExpirationDurationInSeconds":3600'));
    assert.equal(overHttp.includes(token), false, 'the admin API never lists a token');
  });
});
