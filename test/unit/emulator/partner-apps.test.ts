/** Partner AI apps: list, paging, describe, presigned URLs (answer member `Url`). */
import * as assert from 'node:assert/strict';
import * as sm from '@aws-sdk/client-sagemaker';
import { client, rejectsWith, useEmulator } from './helpers';

const partnerAppArn = (id: string, region = 'us-east-1'): string => `arn:aws:sagemaker:${region}:123456789012:partner-app/${id}`;
const LAKERA = partnerAppArn('app-LKR7Q2M9X4PA');
const title = (html: string): string | undefined => /<title>([^<]*)<\/title>/.exec(html)?.[1];
const field = (html: string, name: string): string | undefined => new RegExp(`data-field="${name}">([^<]*)<`).exec(html)?.[1];

describe('emulator partner AI apps', () => {
  const { emu } = useEmulator();
  afterEach(() => emu().reset());
  const c = () => client(emu());

  it('ListPartnerApps lists the region\'s apps, oldest first, with ARN, name, type and status', async () => {
    const out = await c().send(new sm.ListPartnerAppsCommand({}));
    assert.deepEqual(
      out.Summaries?.map((s) => [s.Name, s.Type, s.Status]),
      [
        ['lakeraguard', 'lakera-guard', 'Available'],
        ['cometml', 'comet', 'Available'],
        ['cometstaging', 'comet', 'Updating'],
        ['fiddlerprod', 'fiddler', 'Failed'],
        ['deepchecksllm', 'deepchecks-llm-evaluation', 'Creating'],
      ],
    );
    assert.equal(out.Summaries?.[0].Arn, LAKERA);
    assert.equal(out.Summaries?.[0].CreationTime?.toISOString(), '2026-02-02T10:00:00.000Z');
    const west = await client(emu(), { region: 'eu-west-1' }).send(new sm.ListPartnerAppsCommand({}));
    assert.deepEqual(west.Summaries?.map((s) => s.Name), ['eulakera', 'eufiddler']);
    const empty = await client(emu(), { region: 'ap-southeast-2' }).send(new sm.ListPartnerAppsCommand({}));
    assert.deepEqual(empty.Summaries, []);
  });

  it('pages with MaxResults and NextToken (the SDK paginator reads them all); MaxResults is validated', async () => {
    const first = await c().send(new sm.ListPartnerAppsCommand({ MaxResults: 2 }));
    assert.deepEqual(first.Summaries?.map((s) => s.Name), ['lakeraguard', 'cometml']);
    assert.ok(first.NextToken);
    const names: string[] = [];
    for await (const page of sm.paginateListPartnerApps({ client: c(), pageSize: 2 }, {})) {
      names.push(...(page.Summaries ?? []).map((s) => s.Name ?? ''));
    }
    assert.deepEqual(names, ['lakeraguard', 'cometml', 'cometstaging', 'fiddlerprod', 'deepchecksllm']);
    await rejectsWith(c().send(new sm.ListPartnerAppsCommand({ MaxResults: 101 })), 'ValidationException', /maxResults.*less than or equal to 100/);
    await rejectsWith(c().send(new sm.ListPartnerAppsCommand({ NextToken: 'forged' })), 'ValidationException', /Invalid pagination token/);
  });

  it('DescribePartnerApp describes by ARN, with the upgrade only when asked and the error of a failed app', async () => {
    const d = await c().send(new sm.DescribePartnerAppCommand({ Arn: LAKERA }));
    assert.equal(d.Name, 'lakeraguard');
    assert.equal(d.Type, 'lakera-guard');
    assert.equal(d.Status, 'Available');
    assert.equal(d.AuthType, 'IAM');
    assert.equal(d.AvailableUpgrade, undefined);
    assert.match(d.BaseUrl ?? '', /^https:\/\//);
    const withUpgrade = await c().send(new sm.DescribePartnerAppCommand({ Arn: LAKERA, IncludeAvailableUpgrade: true }));
    assert.equal(withUpgrade.AvailableUpgrade?.Version, '1.5');
    const failed = await c().send(new sm.DescribePartnerAppCommand({ Arn: partnerAppArn('app-FDL9S4J2M8QC') }));
    assert.equal(failed.Status, 'Failed');
    assert.equal(failed.Error?.Code, 'ResourceProvisioningFailed');
    assert.match(failed.Error?.Reason ?? '', /execution role/);
  });

  it('an ARN outside the model\'s pattern is a ValidationException; an unknown one, or another region\'s, ResourceNotFound', async () => {
    await rejectsWith(c().send(new sm.DescribePartnerAppCommand({ Arn: partnerAppArn('app-lkr7q2m9x4pa') })), 'ValidationException', /arn.*regular expression pattern/);
    await rejectsWith(c().send(new sm.DescribePartnerAppCommand({ Arn: partnerAppArn('app-000000000000') })), 'ResourceNotFound', /app-000000000000/);
    await rejectsWith(c().send(new sm.DescribePartnerAppCommand({ Arn: partnerAppArn('app-LKR2E8U4W6YA', 'eu-west-1') })), 'ResourceNotFound');
    await rejectsWith(c().send(new sm.CreatePartnerAppPresignedUrlCommand({ Arn: partnerAppArn('app-000000000000') })), 'ResourceNotFound');
  });

  it('CreatePartnerAppPresignedUrl answers `Url`, which opens the partner app until it expires', async () => {
    const out = await c().send(new sm.CreatePartnerAppPresignedUrlCommand({ Arn: LAKERA, ExpiresInSeconds: 30, SessionExpirationDurationInSeconds: 3600 }));
    assert.equal((out as { AuthorizedUrl?: string }).AuthorizedUrl, undefined);
    const url = out.Url ?? '';
    assert.match(url, /\/partner-app\/app-LKR7Q2M9X4PA\?token=[\w-]{20,}$/);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(url, { redirect: 'manual' });
      assert.equal(res.status, 200, `open ${i + 1}: a partner app URL is not single-use`);
      const html = await res.text();
      assert.equal(title(html), 'Lakera Guard');
      assert.equal(field(html, 'Partner AI app'), 'lakeraguard');
      assert.equal(field(html, 'Session lifetime \\(seconds\\)'), '3600');
    }
    emu().advanceClock(30_000);
    const expired = await fetch(url, { redirect: 'manual' });
    assert.equal(expired.status, 302);
    assert.match(expired.headers.get('location') ?? '', /reason=expired/);
    const grant = emu().presignedGrants().find((g) => g.kind === 'partnerApp');
    assert.deepEqual([grant?.arn, grant?.singleUse, grant?.openedBeforeExpiry, grant?.openedAfterExpiry], [LAKERA, false, 2, 1]);
    const comet = (await c().send(new sm.CreatePartnerAppPresignedUrlCommand({ Arn: partnerAppArn('app-CMT3H8V1K6ZD') }))).Url ?? '';
    assert.equal(title(await (await fetch(comet)).text()), 'Comet');
  });

  it('a URL needs an Available app and lifetimes within the model\'s ranges', async () => {
    await rejectsWith(c().send(new sm.CreatePartnerAppPresignedUrlCommand({ Arn: partnerAppArn('app-DCK5N2R7T0WB') })), 'ValidationException', /Creating/);
    await rejectsWith(c().send(new sm.CreatePartnerAppPresignedUrlCommand({ Arn: partnerAppArn('app-FDL9S4J2M8QC') })), 'ValidationException', /Failed/);
    await rejectsWith(
      c().send(new sm.CreatePartnerAppPresignedUrlCommand({ Arn: LAKERA, ExpiresInSeconds: 4 })),
      'ValidationException',
      "1 validation error detected: Value '4' at 'expiresInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 5",
    );
    await rejectsWith(c().send(new sm.CreatePartnerAppPresignedUrlCommand({ Arn: LAKERA, SessionExpirationDurationInSeconds: 43201 })), 'ValidationException', /sessionExpirationDurationInSeconds/);
  });
});
