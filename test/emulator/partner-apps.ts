/** SageMaker Partner AI Apps: list, describe and presigned URLs (answer member `Url`). */
import * as arns from './arns';
import { type ServiceContext, type Operations, DEFAULT_EXPIRES_IN_SECONDS, DEFAULT_SESSION_SECONDS } from './context';
import type { PartnerAppRecord, PartnerAppStatus, RegionData } from './data';
import { notFound, validation } from './errors';
import { epoch, num, str } from './values';

/** Partner app states whose app can be opened. */
const OPENABLE: readonly PartnerAppStatus[] = ['Available', 'Updating', 'UpdateFailed'];

const partnerApps = (r: RegionData): PartnerAppRecord[] => (r.partnerApps ??= []);

export function partnerAppOperations(ctx: ServiceContext): Operations {
  const arnOf = (region: string, p: PartnerAppRecord): string => arns.partnerAppArn(region, ctx.account, p.appId);

  /** The partner app an ARN names, in the caller's region and account only. */
  const find = (region: string, arn: string): PartnerAppRecord => {
    const parsed = arns.parseArn(arn);
    const p =
      parsed && parsed.region === region && parsed.account === ctx.account && parsed.type === 'partner-app'
        ? partnerApps(ctx.region(region)).find((x) => x.appId === parsed.id)
        : undefined;
    if (!p) {
      throw notFound(`Partner app with ARN ${arn} not found`);
    }
    return p;
  };

  return {
    ListPartnerApps: (region, input) => {
      const page = ctx.paginator.page({
        operation: 'ListPartnerApps',
        region,
        filters: {},
        items: partnerApps(ctx.region(region)),
        key: (p) => [epoch(p.creationTime), p.appId],
        maxResults: num(input.MaxResults),
        nextToken: str(input.NextToken),
      });
      return {
        Summaries: page.items.map((p) => ({ Arn: arnOf(region, p), Name: p.name, Type: p.type, Status: p.status, CreationTime: epoch(p.creationTime) })),
        NextToken: page.nextToken,
      };
    },

    DescribePartnerApp: (region, input) => {
      const p = find(region, String(input.Arn));
      return {
        Arn: arnOf(region, p),
        Name: p.name,
        Type: p.type,
        Status: p.status,
        CreationTime: epoch(p.creationTime),
        LastModifiedTime: epoch(p.lastModifiedTime),
        ExecutionRoleArn: arns.executionRoleArn(ctx.account),
        BaseUrl: arns.partnerAppBaseUrl(region, p.appId),
        MaintenanceConfig: { MaintenanceWindowStart: 'Sun:04:00' },
        Tier: p.tier,
        Version: p.version,
        ApplicationConfig: { AdminUsers: p.adminUsers ?? [] },
        AuthType: 'IAM',
        EnableIamSessionBasedIdentity: false,
        EnableAutoMinorVersionUpgrade: false,
        Error: p.error ? { Code: p.error.code, Reason: p.error.reason } : undefined,
        AvailableUpgrade:
          input.IncludeAvailableUpgrade === true && p.availableUpgrade ? { Version: p.availableUpgrade.version, ReleaseNotes: p.availableUpgrade.releaseNotes } : undefined,
      };
    },

    CreatePartnerAppPresignedUrl: (region, input) => {
      const p = find(region, String(input.Arn));
      if (!OPENABLE.includes(p.status)) {
        throw validation(`Partner app ${p.name} is in ${p.status} status; it can be opened when it is Available.`);
      }
      const expiresInSeconds = num(input.ExpiresInSeconds) ?? DEFAULT_EXPIRES_IN_SECONDS;
      const session = num(input.SessionExpirationDurationInSeconds) ?? DEFAULT_SESSION_SECONDS;
      const now = ctx.now();
      const token = ctx.grants.issue({
        kind: 'partnerApp',
        region,
        arn: arnOf(region, p),
        name: p.name,
        createdAt: new Date(now),
        expiresAt: new Date(now + expiresInSeconds * 1000),
        expiresInSeconds,
        sessionExpirationDurationInSeconds: session,
        sessionExpiresAt: new Date(now + session * 1000),
      });
      return { Url: `${ctx.baseUrl}/partner-app/${encodeURIComponent(p.appId)}?token=${token}` };
    },
  };
}
