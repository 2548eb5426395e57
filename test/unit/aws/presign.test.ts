import * as assert from 'node:assert/strict';
import { AwsError, errorLogText, redactUrl, type SageMakerAccess } from '../../../src/aws/index';
import { emulatorFixture, type EmulatorFixture } from './fixture';

const EAST = 'd-7kx2hq9mzp4a';

/** The page a presigned URL opens: its title and its data-field cells. */
async function openPage(url: string): Promise<{ status: number; title: string; fields: Record<string, string> }> {
  const res = await fetch(url, { redirect: 'manual' });
  const body = await res.text();
  const title = /<h1>([^<]*)<\/h1>/.exec(body)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const m of body.matchAll(/<td data-field="([^"]*)">([^<]*)<\/td>/g)) {
    fields[m[1]] = m[2]!;
  }
  return { status: res.status, title, fields };
}

async function validationError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AwsError);
    assert.equal(e.kind, 'validation');
    return e.userMessage;
  }
  assert.fail('expected a validation error');
}

describe('aws/presigned URLs (local SageMaker endpoint)', function () {
  let fx: EmulatorFixture;
  let access: SageMakerAccess;
  before(async () => {
    fx = await emulatorFixture();
  });
  after(async () => fx.close());
  beforeEach(() => {
    fx.emu.reset();
    access = fx.access();
  });

  it('Studio for a user profile: one call, the URL opens Studio, expiry times are set', async () => {
    const before = Date.now();
    const r = await access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', domainId: EAST, userProfileName: 'carol', expiresInSeconds: 60, sessionExpirationDurationInSeconds: 3600 });
    const after = Date.now();
    assert.equal(fx.emu.callCount(), 1);
    assert.equal(fx.emu.callCount('CreatePresignedDomainUrl'), 1);
    assert.ok(r.expiresAt.getTime() >= before + 60_000 && r.expiresAt.getTime() <= after + 60_000);
    assert.ok(r.sessionExpiresAt.getTime() >= before + 3_600_000 && r.sessionExpiresAt.getTime() <= after + 3_600_000);
    const page = await openPage(r.url);
    assert.equal(page.status, 200);
    assert.equal(page.title, 'SageMaker Studio');
    assert.equal(page.fields['User profile'], 'carol');
    assert.equal(page.fields['Session lifetime (seconds)'], '3600');
    assert.equal(page.fields['URL lifetime (seconds)'], '60');
  });

  it('the URL lifetime asked for is the one the service applies: opens before, sign-in page after', async () => {
    const r = await access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', domainId: EAST, userProfileName: 'carol', expiresInSeconds: 5 });
    assert.equal((await openPage(r.url)).status, 200);
    fx.emu.advanceClock(6_000);
    const late = await fetch(r.url, { redirect: 'manual' });
    await late.text();
    assert.equal(late.status, 302);
    assert.match(late.headers.get('location') ?? '', /signin/);
  });

  it('defaults: URL lifetime 300 s, session 43200 s', async () => {
    const before = Date.now();
    const r = await access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', domainId: EAST, userProfileName: 'carol' });
    assert.ok(Math.abs(r.expiresAt.getTime() - before - 300_000) < 5_000);
    assert.ok(Math.abs(r.sessionExpiresAt.getTime() - before - 43_200_000) < 5_000);
    const page = await openPage(r.url);
    assert.equal(page.fields['URL lifetime (seconds)'], '300');
    assert.equal(page.fields['Session lifetime (seconds)'], '43200');
  });

  it('a shared space opens its app; a landing URI chooses the app', async () => {
    const space = await access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', domainId: EAST, userProfileName: 'bob', spaceName: 'shared-code-review' });
    let page = await openPage(space.url);
    assert.equal(page.title, 'Code Editor');
    assert.equal(page.fields.Space, 'shared-code-review');
    assert.equal(page.fields['User profile'], 'bob');

    const landing = await access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', domainId: EAST, userProfileName: 'bob', landingUri: 'app:JupyterLab:lab/tree/x.ipynb' });
    page = await openPage(landing.url);
    assert.equal(page.title, 'JupyterLab');
    assert.equal(page.fields['Landing page'], 'app:JupyterLab:lab/tree/x.ipynb');

    const studio = await access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', domainId: EAST, userProfileName: 'bob', spaceName: 'team-analytics', landingUri: 'studio::' });
    assert.equal((await openPage(studio.url)).title, 'SageMaker Studio');
  });

  it("owner rule: a private space's URL is made for its owner, with one DescribeSpace when nothing is known", async () => {
    const r = await access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', domainId: EAST, userProfileName: 'bob', spaceName: 'alice-jupyterlab' });
    assert.equal(fx.emu.callCount('DescribeSpace'), 1);
    assert.equal(fx.emu.callCount('CreatePresignedDomainUrl'), 1);
    const page = await openPage(r.url);
    assert.equal(page.title, 'JupyterLab');
    assert.equal(page.fields['User profile'], 'alice');
    assert.equal(page.fields.Space, 'alice-jupyterlab');
  });

  it('owner rule costs no extra call when the space was listed or its ownership is passed', async () => {
    const spaces = await access.listSpacesFor('us-east-1', EAST, 'alice');
    fx.emu.resetCallCounts();
    const listed = await access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', domainId: EAST, userProfileName: 'bob', spaceName: 'alice-code-editor' });
    assert.equal(fx.emu.callCount(), 1);
    assert.equal((await openPage(listed.url)).fields['User profile'], 'alice');

    const fresh = fx.access();
    const space = spaces.items.find((s) => s.spaceName === 'alice-jupyterlab')!;
    fx.emu.resetCallCounts();
    const passed = await fresh.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', domainId: EAST, userProfileName: 'carol', spaceName: space.spaceName, spaceInfo: space });
    assert.equal(fx.emu.callCount(), 1);
    assert.equal((await openPage(passed.url)).fields['User profile'], 'alice');
  });

  it('notebook instance: Jupyter (classic) and JupyterLab', async () => {
    const classic = await access.presignUrl('us-east-1', { operation: 'CreatePresignedNotebookInstanceUrl', notebookInstanceName: 'fraud-detection-dev', ui: 'Jupyter', sessionExpirationDurationInSeconds: 1800 });
    let page = await openPage(classic.url);
    assert.equal(page.status, 200);
    assert.equal(page.title, 'Jupyter');
    assert.equal(page.fields['Notebook instance'], 'fraud-detection-dev');
    assert.equal(page.fields['Session lifetime (seconds)'], '1800');

    const lab = await access.presignUrl('us-east-1', { operation: 'CreatePresignedNotebookInstanceUrl', notebookInstanceName: 'fraud-detection-dev', ui: 'JupyterLab' });
    assert.equal(new URL(lab.url).searchParams.get('view'), 'lab');
    page = await openPage(lab.url);
    assert.equal(page.title, 'JupyterLab');
    assert.ok(Math.abs(lab.expiresAt.getTime() - Date.now() - 300_000) < 5_000, 'notebook URLs work 5 minutes');
    assert.equal(fx.emu.callCount('CreatePresignedNotebookInstanceUrl'), 2);
  });

  it('a stopped notebook instance: the service refuses, as a validation error', async () => {
    const msg = await validationError(access.presignUrl('us-east-1', { operation: 'CreatePresignedNotebookInstanceUrl', notebookInstanceName: 'churn-model-training', ui: 'Jupyter' }));
    assert.match(msg, /InService/);
  });

  it('every validation rule refuses before any call, with its message', async () => {
    const base = { domainId: EAST, userProfileName: 'alice' };
    const cases: [Promise<unknown>, string][] = [
      [access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', ...base, expiresInSeconds: 4 }), 'ExpiresInSeconds (URL lifetime) must be from 5 to 300 seconds; got 4.'],
      [access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', ...base, expiresInSeconds: 301 }), 'ExpiresInSeconds (URL lifetime) must be from 5 to 300 seconds; got 301.'],
      [access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', ...base, sessionExpirationDurationInSeconds: 1799 }), 'SessionExpirationDurationInSeconds (session lifetime) must be from 1800 to 43200 seconds; got 1799.'],
      [access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', ...base, sessionExpirationDurationInSeconds: 43201 }), 'SessionExpirationDurationInSeconds (session lifetime) must be from 1800 to 43200 seconds; got 43201.'],
      [access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', ...base, landingUri: 'app:Notebook:/x' }), 'The landing URI names an unknown app "Notebook"; allowed: JupyterServer, JupyterLab, RStudioServerPro, CodeEditor, Canvas.'],
      [access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', ...base, landingUri: '/lab' }), 'The landing URI must be studio::<path> or app:<JupyterServer|JupyterLab|RStudioServerPro|CodeEditor|Canvas>:<path>; got "/lab".'],
      [access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', ...base, domainId: 'domain-1' }), 'DomainId "domain-1" is not a domain id; expected d- followed by lowercase letters and digits, e.g. d-abc123def456.'],
      [access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', ...base, userProfileName: 'alice_1' }), 'UserProfileName "alice_1" is not valid; use letters and digits, optionally separated by hyphens (no leading or trailing hyphen).'],
      [access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', ...base, spaceName: 'space-' }), 'SpaceName "space-" is not valid; use letters and digits, optionally separated by hyphens (no leading or trailing hyphen).'],
      [access.presignUrl('us-east1', { operation: 'CreatePresignedDomainUrl', ...base }), '"us-east1" is not an AWS region name; expected a name such as us-east-1 or eu-west-2.'],
      [access.presignUrl('us-east-1', { operation: 'CreatePresignedNotebookInstanceUrl', notebookInstanceName: 'nb 1', ui: 'Jupyter' }), 'NotebookInstanceName "nb 1" is not valid; use letters and digits, optionally separated by hyphens (no leading or trailing hyphen).'],
      [access.presignUrl('us-east-1', { operation: 'CreatePresignedNotebookInstanceUrl', notebookInstanceName: 'nb', ui: 'Lab' as never }), 'The notebook UI must be JupyterLab or Jupyter; got "Lab".'],
      [access.presignUrl('us-east-1', { operation: 'CreatePresignedNotebookInstanceUrl', notebookInstanceName: 'nb', ui: 'Jupyter', sessionExpirationDurationInSeconds: 60 }), 'SessionExpirationDurationInSeconds (session lifetime) must be from 1800 to 43200 seconds; got 60.'],
    ];
    for (const [p, message] of cases) {
      assert.equal(await validationError(p), message);
    }
    assert.equal(fx.emu.callCount(), 0);
  });

  it('a bad endpoint URL setting is refused before any call', async () => {
    const { createSageMakerAccess } = await import('../../../src/aws/index');
    const bad = createSageMakerAccess({ endpointUrl: 'localhost:1234' });
    assert.match(await validationError(bad.listDomains('us-east-1')), /endpoint URL/);
    bad.dispose();
  });

  it('nothing recorded or thrown carries a URL token', async () => {
    fx.records.length = 0;
    const urls = [
      (await access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', domainId: EAST, userProfileName: 'alice', spaceName: 'alice-jupyterlab' })).url,
      (await access.presignUrl('us-east-1', { operation: 'CreatePresignedNotebookInstanceUrl', notebookInstanceName: 'fraud-detection-dev', ui: 'JupyterLab' })).url,
    ];
    const tokens = urls.map((u) => new URL(u).searchParams.get('token') ?? new URL(u).searchParams.get('authToken'));
    assert.ok(tokens.every((t) => typeof t === 'string' && t.length > 8), 'the URLs carry tokens');
    assert.ok(urls.every((u) => redactUrl(u).includes('REDACTED')));
    assert.ok(urls.every((u, i) => !redactUrl(u).includes(tokens[i]!)), 'redaction removes the token');
    const recorded = JSON.stringify(fx.records);
    assert.ok(fx.records.length >= 2);
    assert.ok(tokens.every((t) => !recorded.includes(t!)), 'API call records hold no token');
    assert.ok(!/https?:/.test(recorded), 'API call records hold no URL');

    // A service error whose message quotes a presigned URL: the AwsError shows it redacted.
    const token = tokens[0]!;
    fx.emu.setFault({ operation: 'CreatePresignedDomainUrl', kind: 'error', errorType: 'ValidationException', status: 400, message: `Bad request for ${urls[0]}` });
    try {
      await access.presignUrl('us-east-1', { operation: 'CreatePresignedDomainUrl', domainId: EAST, userProfileName: 'alice' });
      assert.fail('expected an error');
    } catch (e) {
      assert.ok(e instanceof AwsError);
      assert.equal(e.kind, 'validation');
      assert.ok(e.userMessage.includes('token=REDACTED'));
      assert.ok(!e.userMessage.includes(token) && !e.message.includes(token), 'the error message holds no token');
      const logged = errorLogText(e);
      assert.ok(String((e.cause as Error).message).includes(token), 'the raw cause quotes the URL (so this check can fail)');
      assert.ok(!logged.includes(token), 'the log text holds no token');
      assert.match(logged, /^CreatePresignedDomainUrl us-east-1 ValidationException HTTP 400 request id \S+ \[validation\]: Bad request for .*token=REDACTED$/);
    }
  });
});
