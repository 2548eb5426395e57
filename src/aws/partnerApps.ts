/** Partner AI apps (Comet, Deepchecks, Fiddler, Lakera Guard): list, describe, presign. */
import type { DescribePartnerAppCommandOutput, PartnerAppSummary } from '@aws-sdk/client-sagemaker';
import type { AwsCore } from './core';
import type { UrlLifetimes } from './mlflow';
import type { Page, PresignedUrl } from './model';
import { listPage } from './paging';
import { presignKeyed } from './presign';
import type { ListOptions } from './options';
import { checkKindField, nameFilter } from './urlLimits';

export interface PartnerApp {
  readonly region: string;
  readonly name: string;
  readonly arn: string;
  /** PartnerAppType: lakera-guard, comet, deepchecks-llm-evaluation, fiddler. */
  readonly type?: string;
  /** PartnerAppStatus: Creating, Updating, Deleting, Available, Failed, UpdateFailed, Deleted. */
  readonly status?: string;
  readonly creationTime?: Date;
  /** Only DescribePartnerApp says these. */
  readonly lastModifiedTime?: Date;
  readonly version?: string;
  readonly tier?: string;
  readonly errorMessage?: string;
}

export type PartnerAppUrlRequest = { arn: string } & UrlLifetimes;

/** The partner AI app part of SageMakerAccess. */
export interface PartnerAppAccess {
  listPartnerApps(region: string, o?: ListOptions): Promise<Page<PartnerApp>>;
  describePartnerApp(region: string, arn: string, signal?: AbortSignal): Promise<PartnerApp>;
}

export function toPartnerApp(region: string, a: PartnerAppSummary | DescribePartnerAppCommandOutput): PartnerApp {
  // A summary has a subset of DescribePartnerApp's fields; the others are then undefined.
  const d: Partial<DescribePartnerAppCommandOutput> = a;
  return {
    region,
    name: a.Name ?? a.Arn ?? '',
    arn: a.Arn ?? '',
    type: a.Type,
    status: a.Status,
    creationTime: a.CreationTime,
    lastModifiedTime: d.LastModifiedTime,
    version: d.Version,
    tier: d.Tier,
    errorMessage: d.Error?.Reason,
  };
}

/** Its presigned URL, made through SageMakerAccess.presignUrl (./urlCalls.ts), keyed by its operation. */
export interface PartnerAppPresigning {
  presignPartnerAppUrl(region: string, r: PartnerAppUrlRequest, signal?: AbortSignal): Promise<PresignedUrl>;
}

export function partnerAppAccess(core: AwsCore): PartnerAppAccess & PartnerAppPresigning {
  return {
    listPartnerApps(region, o) {
      return listPage(
        core,
        region,
        'ListPartnerApps',
        o,
        (c, sdk) => c.send(new sdk.ListPartnerAppsCommand({ NextToken: o?.nextToken, MaxResults: o?.maxResults }), { abortSignal: o?.signal }),
        // No server-side name filter: the view's filter applies to the page read.
        (out) => nameFilter((out.Summaries ?? []).map((a) => toPartnerApp(region, a)), (a) => a.name, o?.nameContains),
      );
    },

    async describePartnerApp(region, arn, signal) {
      checkKindField('PartnerAppArn', arn, 'DescribePartnerApp');
      const out = await core.call(region, 'DescribePartnerApp', (c, sdk) => c.send(new sdk.DescribePartnerAppCommand({ Arn: arn }), { abortSignal: signal }));
      return toPartnerApp(region, out);
    },

    presignPartnerAppUrl(region, r, signal) {
      return presignKeyed(
        core,
        region,
        'CreatePartnerAppPresignedUrl',
        ['PartnerAppArn', r.arn],
        r,
        (l, c, sdk) =>
          c.send(
            new sdk.CreatePartnerAppPresignedUrlCommand({
              Arn: r.arn,
              ExpiresInSeconds: l.expiresInSeconds,
              SessionExpirationDurationInSeconds: l.sessionExpirationDurationInSeconds,
            }),
            { abortSignal: signal },
          ),
        // This operation's answer names the field Url (not AuthorizedUrl).
        (out) => out.Url,
      );
    },
  };
}
