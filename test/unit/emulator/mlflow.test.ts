/** MLflow tracking servers and MLflow apps: lists, paging, validation, states, once-only URLs. */
import * as assert from 'node:assert/strict';
import * as sm from '@aws-sdk/client-sagemaker';
import { client, EAST_DOMAIN, rejectsWith, useEmulator } from './helpers';

const ACCOUNT = '123456789012';
const mlflowAppArn = (id: string, region = 'us-east-1'): string => `arn:aws:sagemaker:${region}:${ACCOUNT}:mlflow-app/${id}`;
const TEAM_MLFLOW = mlflowAppArn('app-7dfr2kqm9x4p');
const title = (html: string): string | undefined => /<title>([^<]*)<\/title>/.exec(html)?.[1];
const field = (html: string, name: string): string | undefined => new RegExp(`data-field="${name}">([^<]*)<`).exec(html)?.[1];

describe('emulator MLflow tracking servers', () => {
  const { emu } = useEmulator({ transitionDelayMs: 1000 });
  afterEach(() => emu().reset());
  const c = () => client(emu());
  const names = (out: sm.ListMlflowTrackingServersCommandOutput): string[] => (out.TrackingServerSummaries ?? []).map((s) => s.TrackingServerName ?? '');

  it('ListMlflowTrackingServers lists the region\'s servers, newest first by default, with ARN, status, IsActive and version', async () => {
    const out = await c().send(new sm.ListMlflowTrackingServersCommand({}));
    assert.deepEqual(names(out), ['tracking-vpc-test', 'genai-evals', 'nightly-benchmarks', 'research-tracking', 'mlflow-platform', 'fraud-experiments']);
    const platform = out.TrackingServerSummaries?.find((s) => s.TrackingServerName === 'mlflow-platform');
    assert.equal(platform?.TrackingServerArn, `arn:aws:sagemaker:us-east-1:${ACCOUNT}:mlflow-tracking-server/mlflow-platform`);
    assert.equal(platform?.TrackingServerStatus, 'Started');
    assert.equal(platform?.IsActive, 'Active');
    assert.equal(platform?.MlflowVersion, '2.16.2');
    assert.equal(platform?.CreationTime?.toISOString(), '2025-06-02T10:00:00.000Z');
    assert.equal(out.TrackingServerSummaries?.find((s) => s.TrackingServerName === 'fraud-experiments')?.IsActive, 'Inactive');
    const west = await client(emu(), { region: 'eu-west-1' }).send(new sm.ListMlflowTrackingServersCommand({ SortBy: 'Name', SortOrder: 'Ascending' }));
    assert.deepEqual(names(west), ['eu-archive-tracking', 'eu-batch-tracking', 'eu-mlflow']);
  });

  it('filters by status, MLflow version and creation time, and sorts by name or status', async () => {
    assert.deepEqual(names(await c().send(new sm.ListMlflowTrackingServersCommand({ TrackingServerStatus: 'Stopped' }))), ['fraud-experiments']);
    assert.deepEqual(names(await c().send(new sm.ListMlflowTrackingServersCommand({ MlflowVersion: '2.13.2' }))), ['fraud-experiments']);
    const after = await c().send(new sm.ListMlflowTrackingServersCommand({ CreatedAfter: new Date('2026-01-01T00:00:00Z'), CreatedBefore: new Date('2026-10-01T00:00:00Z') }));
    assert.deepEqual(names(after), ['genai-evals', 'nightly-benchmarks']);
    const byName = await c().send(new sm.ListMlflowTrackingServersCommand({ SortBy: 'Name', SortOrder: 'Ascending' }));
    assert.deepEqual(names(byName), ['fraud-experiments', 'genai-evals', 'mlflow-platform', 'nightly-benchmarks', 'research-tracking', 'tracking-vpc-test']);
    const byStatus = await c().send(new sm.ListMlflowTrackingServersCommand({ SortBy: 'Status', SortOrder: 'Ascending' }));
    assert.deepEqual(byStatus.TrackingServerSummaries?.map((s) => s.TrackingServerStatus), ['CreateFailed', 'Created', 'Started', 'Starting', 'Stopped', 'Updating']);
  });

  it('pages with MaxResults and a NextToken bound to the query; the SDK paginator reads them all', async () => {
    const first = await c().send(new sm.ListMlflowTrackingServersCommand({ MaxResults: 4 }));
    assert.equal(first.TrackingServerSummaries?.length, 4);
    assert.ok(first.NextToken);
    const second = await c().send(new sm.ListMlflowTrackingServersCommand({ MaxResults: 4, NextToken: first.NextToken }));
    assert.deepEqual(names(second), ['mlflow-platform', 'fraud-experiments']);
    assert.equal(second.NextToken, undefined);
    await rejectsWith(c().send(new sm.ListMlflowTrackingServersCommand({ MaxResults: 4, SortBy: 'Name', NextToken: first.NextToken })), 'ValidationException', /Invalid pagination token/);
    const all: string[] = [];
    for await (const page of sm.paginateListMlflowTrackingServers({ client: c(), pageSize: 1 }, { SortOrder: 'Ascending' })) {
      all.push(...names(page));
    }
    assert.deepEqual(all, ['fraud-experiments', 'mlflow-platform', 'research-tracking', 'nightly-benchmarks', 'genai-evals', 'tracking-vpc-test']);
  });

  it('validates inputs from the model: MaxResults, enums, name pattern, version pattern', async () => {
    await rejectsWith(
      c().send(new sm.ListMlflowTrackingServersCommand({ MaxResults: 101 })),
      'ValidationException',
      "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
    );
    await rejectsWith(c().send(new sm.ListMlflowTrackingServersCommand({ TrackingServerStatus: 'Running' as sm.TrackingServerStatus })), 'ValidationException', /trackingServerStatus.*enum value set/);
    await rejectsWith(c().send(new sm.ListMlflowTrackingServersCommand({ MlflowVersion: 'latest' })), 'ValidationException', /mlflowVersion.*regular expression pattern/);
    await rejectsWith(c().send(new sm.DescribeMlflowTrackingServerCommand({ TrackingServerName: 'bad_name' })), 'ValidationException', /trackingServerName.*regular expression pattern/);
    await rejectsWith(c().send(new sm.DescribeMlflowTrackingServerCommand({ TrackingServerName: 'x'.repeat(257) })), 'ValidationException', /length less than or equal to 256/);
  });

  it('DescribeMlflowTrackingServer describes a server; an unknown one is ResourceNotFound', async () => {
    const d = await c().send(new sm.DescribeMlflowTrackingServerCommand({ TrackingServerName: 'mlflow-platform' }));
    assert.equal(d.TrackingServerStatus, 'Started');
    assert.equal(d.IsActive, 'Active');
    assert.equal(d.TrackingServerSize, 'Medium');
    assert.match(d.ArtifactStoreUri ?? '', /^s3:\/\//);
    assert.match(d.TrackingServerUrl ?? '', /^https:\/\/t-[0-9a-f]{12}\.us-east-1\.experiments\.sagemaker\.aws$/);
    assert.match(d.RoleArn ?? '', /^arn:aws:iam::123456789012:role\//);
    await rejectsWith(c().send(new sm.DescribeMlflowTrackingServerCommand({ TrackingServerName: 'nope' })), 'ResourceNotFound', /mlflow-tracking-server\/nope/);
    await rejectsWith(
      client(emu(), { region: 'eu-west-1' }).send(new sm.DescribeMlflowTrackingServerCommand({ TrackingServerName: 'mlflow-platform' })),
      'ResourceNotFound',
      /eu-west-1/,
    );
  });

  it('start goes Stopped → Starting → Started, stop Started → Stopping → Stopped; other states are a ConflictException', async () => {
    const describe = async (name: string) => (await c().send(new sm.DescribeMlflowTrackingServerCommand({ TrackingServerName: name }))).TrackingServerStatus;
    const started = await c().send(new sm.StartMlflowTrackingServerCommand({ TrackingServerName: 'fraud-experiments' }));
    assert.equal(started.TrackingServerArn, `arn:aws:sagemaker:us-east-1:${ACCOUNT}:mlflow-tracking-server/fraud-experiments`);
    assert.equal(await describe('fraud-experiments'), 'Starting');
    await rejectsWith(c().send(new sm.StartMlflowTrackingServerCommand({ TrackingServerName: 'fraud-experiments' })), 'ConflictException', /Starting/);
    await c().send(new sm.StopMlflowTrackingServerCommand({ TrackingServerName: 'mlflow-platform' }));
    assert.equal(await describe('mlflow-platform'), 'Stopping');
    const listed = await c().send(new sm.ListMlflowTrackingServersCommand({ TrackingServerStatus: 'Stopping' }));
    assert.deepEqual(names(listed), ['mlflow-platform']);
    emu().advanceClock(1000);
    assert.equal(await describe('fraud-experiments'), 'Started');
    assert.equal(await describe('mlflow-platform'), 'Stopped');
    await rejectsWith(c().send(new sm.StopMlflowTrackingServerCommand({ TrackingServerName: 'mlflow-platform' })), 'ConflictException', /Stopped/);
    await rejectsWith(c().send(new sm.StartMlflowTrackingServerCommand({ TrackingServerName: 'research-tracking' })), 'ConflictException', /Created/);
    await rejectsWith(c().send(new sm.StopMlflowTrackingServerCommand({ TrackingServerName: 'genai-evals' })), 'ConflictException', /Updating/);
    await rejectsWith(c().send(new sm.StartMlflowTrackingServerCommand({ TrackingServerName: 'nope' })), 'ResourceNotFound');
  });

  it('a presigned URL opens the MLflow UI once; a second open, or one after ExpiresInSeconds, goes to the sign-in page', async () => {
    const { AuthorizedUrl: url = '' } = await c().send(
      new sm.CreatePresignedMlflowTrackingServerUrlCommand({ TrackingServerName: 'mlflow-platform', ExpiresInSeconds: 60, SessionExpirationDurationInSeconds: 1800 }),
    );
    assert.match(url, /\/mlflow\/tracking-server\/mlflow-platform\?authToken=[\w-]{20,}$/);
    const first = await fetch(url, { redirect: 'manual' });
    assert.equal(first.status, 200);
    const html = await first.text();
    assert.equal(title(html), 'MLflow');
    assert.equal(field(html, 'Tracking server'), 'mlflow-platform');
    assert.equal(field(html, 'MLflow version'), '2.16.2');
    assert.equal(field(html, 'Session lifetime \\(seconds\\)'), '1800');
    const again = await fetch(url, { redirect: 'manual' });
    assert.equal(again.status, 302);
    const signIn = await fetch(new URL(again.headers.get('location') ?? '', emu().url));
    assert.match(await signIn.text(), /already used/);

    const { AuthorizedUrl: late = '' } = await c().send(new sm.CreatePresignedMlflowTrackingServerUrlCommand({ TrackingServerName: 'mlflow-platform', ExpiresInSeconds: 5 }));
    emu().advanceClock(5000);
    const expired = await fetch(late, { redirect: 'manual' });
    assert.equal(expired.status, 302);
    assert.match(expired.headers.get('location') ?? '', /reason=expired/);

    const grants = emu().presignedGrants().filter((g) => g.kind === 'mlflowTrackingServer');
    assert.deepEqual(
      grants.map((g) => [g.trackingServerName, g.singleUse, g.openedBeforeExpiry, g.openedAfterUse, g.openedAfterExpiry, g.expiresInSeconds]),
      [
        ['mlflow-platform', true, 1, 1, 0, 60],
        ['mlflow-platform', true, 0, 0, 1, 5],
      ],
    );
    const admin = await (await fetch(`${emu().adminUrl}/presigned`)).text();
    assert.ok(admin.includes('"mlflowTrackingServer"'));
    for (const u of [url, late]) {
      assert.ok(!admin.includes(new URL(u).searchParams.get('authToken') ?? '?'), 'the admin view never shows a token');
    }
  });

  it('a presigned URL needs a running server and lifetimes within the model\'s ranges', async () => {
    await rejectsWith(c().send(new sm.CreatePresignedMlflowTrackingServerUrlCommand({ TrackingServerName: 'fraud-experiments' })), 'ValidationException', /Stopped/);
    await rejectsWith(c().send(new sm.CreatePresignedMlflowTrackingServerUrlCommand({ TrackingServerName: 'nope' })), 'ResourceNotFound');
    await rejectsWith(
      c().send(new sm.CreatePresignedMlflowTrackingServerUrlCommand({ TrackingServerName: 'mlflow-platform', ExpiresInSeconds: 301, SessionExpirationDurationInSeconds: 1799 })),
      'ValidationException',
      "2 validation errors detected: Value '301' at 'expiresInSeconds' failed to satisfy constraint: Member must have value less than or equal to 300; Value '1799' at 'sessionExpirationDurationInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 1800",
    );
    const tampered = (await c().send(new sm.CreatePresignedMlflowTrackingServerUrlCommand({ TrackingServerName: 'mlflow-platform' }))).AuthorizedUrl ?? '';
    assert.equal((await fetch(tampered.replace('mlflow-platform', 'research-tracking'), { redirect: 'manual' })).status, 403, 'a token opens only its own server');
  });
});

describe('emulator MLflow apps', () => {
  const { emu } = useEmulator();
  afterEach(() => emu().reset());
  const c = () => client(emu());
  const names = (out: sm.ListMlflowAppsCommandOutput): string[] => (out.Summaries ?? []).map((s) => s.Name ?? '');

  it('ListMlflowApps lists newest first by default, with ARN, status and version; filters and sorts', async () => {
    const out = await c().send(new sm.ListMlflowAppsCommand({}));
    assert.deepEqual(names(out), ['mlflow-sandbox', 'mlflow-vpc-trial', 'research-mlflow', 'team-mlflow']);
    const team = out.Summaries?.find((s) => s.Name === 'team-mlflow');
    assert.equal(team?.Arn, TEAM_MLFLOW);
    assert.equal(team?.Status, 'Created');
    assert.equal(team?.MlflowVersion, '3.0.0');
    assert.deepEqual(names(await c().send(new sm.ListMlflowAppsCommand({ Status: 'Updated' }))), ['research-mlflow']);
    assert.deepEqual(names(await c().send(new sm.ListMlflowAppsCommand({ AccountDefaultStatus: 'ENABLED' }))), ['team-mlflow']);
    assert.deepEqual(names(await c().send(new sm.ListMlflowAppsCommand({ DefaultForDomainId: EAST_DOMAIN }))), ['team-mlflow']);
    assert.deepEqual(names(await c().send(new sm.ListMlflowAppsCommand({ SortBy: 'Name', SortOrder: 'Ascending' }))), ['mlflow-sandbox', 'mlflow-vpc-trial', 'research-mlflow', 'team-mlflow']);
    assert.deepEqual(names(await c().send(new sm.ListMlflowAppsCommand({ CreatedAfter: new Date('2026-11-01T00:00:00Z') }))), ['mlflow-sandbox', 'mlflow-vpc-trial']);
    const west = await client(emu(), { region: 'eu-west-1' }).send(new sm.ListMlflowAppsCommand({}));
    assert.deepEqual(names(west), ['eu-mlflow-staging', 'eu-mlflow-app']);
  });

  it('pages through the SDK paginator; MaxResults and Status are validated by the model', async () => {
    const all: string[] = [];
    let pages = 0;
    for await (const page of sm.paginateListMlflowApps({ client: c(), pageSize: 3 }, {})) {
      pages++;
      all.push(...names(page));
    }
    assert.equal(pages, 2);
    assert.deepEqual(all, ['mlflow-sandbox', 'mlflow-vpc-trial', 'research-mlflow', 'team-mlflow']);
    await rejectsWith(c().send(new sm.ListMlflowAppsCommand({ MaxResults: 0 })), 'ValidationException', /maxResults.*greater than or equal to 1/);
    await rejectsWith(c().send(new sm.ListMlflowAppsCommand({ Status: 'Running' as sm.MlflowAppStatus })), 'ValidationException', /status.*enum value set/);
  });

  it('DescribeMlflowApp describes by ARN; a malformed ARN is a ValidationException, another region\'s or an unknown one ResourceNotFound', async () => {
    const d = await c().send(new sm.DescribeMlflowAppCommand({ Arn: TEAM_MLFLOW }));
    assert.equal(d.Name, 'team-mlflow');
    assert.equal(d.Status, 'Created');
    assert.equal(d.AccountDefaultStatus, 'ENABLED');
    assert.deepEqual(d.DefaultDomainIdList, [EAST_DOMAIN]);
    assert.equal(d.ModelRegistrationMode, 'AutoModelRegistrationEnabled');
    await rejectsWith(c().send(new sm.DescribeMlflowAppCommand({ Arn: 'team-mlflow' })), 'ValidationException', /arn.*regular expression pattern/);
    await rejectsWith(c().send(new sm.DescribeMlflowAppCommand({ Arn: mlflowAppArn('app-000000000000') })), 'ResourceNotFound', /app-000000000000/);
    await rejectsWith(c().send(new sm.DescribeMlflowAppCommand({ Arn: mlflowAppArn('app-4mz8cx2vbn7k', 'eu-west-1') })), 'ResourceNotFound');
    assert.equal((await client(emu(), { region: 'eu-west-1' }).send(new sm.DescribeMlflowAppCommand({ Arn: mlflowAppArn('app-4mz8cx2vbn7k', 'eu-west-1') }))).Name, 'eu-mlflow-app');
  });

  it('CreatePresignedMlflowAppUrl: a URL that works once, for an app that is Created or Updated', async () => {
    const { AuthorizedUrl: url = '' } = await c().send(new sm.CreatePresignedMlflowAppUrlCommand({ Arn: TEAM_MLFLOW, ExpiresInSeconds: 5, SessionExpirationDurationInSeconds: 43200 }));
    assert.match(url, /\/mlflow\/app\/app-7dfr2kqm9x4p\?authToken=[\w-]{20,}$/);
    const first = await fetch(url, { redirect: 'manual' });
    assert.equal(first.status, 200);
    const html = await first.text();
    assert.equal(title(html), 'MLflow');
    assert.equal(field(html, 'MLflow app'), 'team-mlflow');
    const second = await fetch(url, { redirect: 'manual' });
    assert.equal(second.status, 302);
    assert.match(second.headers.get('location') ?? '', /\/signin\?reason=used$/);
    const grant = emu().presignedGrants().find((g) => g.kind === 'mlflowApp');
    assert.equal(grant?.arn, TEAM_MLFLOW);
    assert.equal(grant?.openedAfterUse, 1);
    await rejectsWith(c().send(new sm.CreatePresignedMlflowAppUrlCommand({ Arn: mlflowAppArn('app-9qs4tj6ebn1m') })), 'ValidationException', /Creating/);
    await rejectsWith(c().send(new sm.CreatePresignedMlflowAppUrlCommand({ Arn: TEAM_MLFLOW, SessionExpirationDurationInSeconds: 43201 })), 'ValidationException', /sessionExpirationDurationInSeconds/);
    await rejectsWith(c().send(new sm.CreatePresignedMlflowAppUrlCommand({ Arn: mlflowAppArn('app-000000000000') })), 'ResourceNotFound');
  });
});
