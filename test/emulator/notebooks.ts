/**
 * Notebook instances: list, describe, start/stop through Pending/Stopping, and presigned URLs
 * that point back at the emulator.
 */
import * as arns from './arns';
import { DEFAULT_SESSION_SECONDS, type Operations, type ServiceContext } from './context';
import type { NotebookInstanceRecord, RegionData } from './data';
import { DEFAULT_LIMITS } from './data';
import { limitExceeded, validation } from './errors';
import type { SortKey } from './pagination';
import { contains, epoch, num, str } from './values';

/** Notebook instance URLs last 5 minutes; the API has no parameter for it. */
export const NOTEBOOK_URL_LIFETIME_SECONDS = 300;

export function notebookOperations(ctx: ServiceContext): Operations {
  function notebook(r: RegionData, name: string): NotebookInstanceRecord {
    const n = r.notebookInstances.find((x) => x.notebookInstanceName === name);
    if (!n) {
      // What SageMaker says for an unknown notebook instance.
      throw validation('RecordNotFound');
    }
    return n;
  }

  return {
    ListNotebookInstances: (region, input) => {
      const r = ctx.region(region);
      const nameContains = str(input.NameContains);
      const status = str(input.StatusEquals);
      const after = num(input.CreationTimeAfter);
      const before = num(input.CreationTimeBefore);
      const modAfter = num(input.LastModifiedTimeAfter);
      const modBefore = num(input.LastModifiedTimeBefore);
      const repoContains = str(input.DefaultCodeRepositoryContains);
      const additionalRepo = str(input.AdditionalCodeRepositoryEquals);
      const lccContains = str(input.NotebookInstanceLifecycleConfigNameContains);
      const sortBy = str(input.SortBy) ?? 'Name';
      const items = r.notebookInstances.filter(
        (n) =>
          contains(n.notebookInstanceName, nameContains) &&
          (status === undefined || n.status === status) &&
          (after === undefined || epoch(n.creationTime) > after) &&
          (before === undefined || epoch(n.creationTime) < before) &&
          (modAfter === undefined || epoch(n.lastModifiedTime) > modAfter) &&
          (modBefore === undefined || epoch(n.lastModifiedTime) < modBefore) &&
          (repoContains === undefined || (n.defaultCodeRepository !== undefined && contains(n.defaultCodeRepository, repoContains))) &&
          (additionalRepo === undefined || (n.additionalCodeRepositories ?? []).includes(additionalRepo)) &&
          (lccContains === undefined || (n.notebookInstanceLifecycleConfigName !== undefined && contains(n.notebookInstanceLifecycleConfigName, lccContains))),
      );
      const key = (n: NotebookInstanceRecord): SortKey =>
        sortBy === 'CreationTime' ? [epoch(n.creationTime), n.notebookInstanceName] : sortBy === 'Status' ? [n.status, n.notebookInstanceName] : [n.notebookInstanceName];
      const filters = Object.fromEntries(Object.entries(input).filter(([k]) => k !== 'MaxResults' && k !== 'NextToken'));
      const page = ctx.paginator.page({
        operation: 'ListNotebookInstances',
        region,
        filters,
        items,
        key,
        descending: input.SortOrder === 'Descending',
        maxResults: num(input.MaxResults),
        nextToken: str(input.NextToken),
      });
      return {
        NotebookInstances: page.items.map((n) => ({
          NotebookInstanceName: n.notebookInstanceName,
          NotebookInstanceArn: arns.notebookInstanceArn(region, ctx.account, n.notebookInstanceName),
          NotebookInstanceStatus: n.status,
          InstanceType: n.instanceType,
          Url: arns.notebookUrl(region, n.notebookInstanceName),
          CreationTime: epoch(n.creationTime),
          LastModifiedTime: epoch(n.lastModifiedTime),
          NotebookInstanceLifecycleConfigName: n.notebookInstanceLifecycleConfigName,
          DefaultCodeRepository: n.defaultCodeRepository,
          AdditionalCodeRepositories: n.additionalCodeRepositories,
        })),
        NextToken: page.nextToken,
      };
    },

    DescribeNotebookInstance: (region, input) => {
      const r = ctx.region(region);
      const n = notebook(r, String(input.NotebookInstanceName));
      return {
        NotebookInstanceName: n.notebookInstanceName,
        NotebookInstanceArn: arns.notebookInstanceArn(region, ctx.account, n.notebookInstanceName),
        NotebookInstanceStatus: n.status,
        FailureReason: n.failureReason,
        InstanceType: n.instanceType,
        Url: arns.notebookUrl(region, n.notebookInstanceName),
        CreationTime: epoch(n.creationTime),
        LastModifiedTime: epoch(n.lastModifiedTime),
        RoleArn: arns.executionRoleArn(ctx.account),
        VolumeSizeInGB: n.volumeSizeInGB ?? 5,
        PlatformIdentifier: n.platformIdentifier ?? 'notebook-al2-v3',
        DirectInternetAccess: 'Enabled',
        RootAccess: 'Enabled',
        NotebookInstanceLifecycleConfigName: n.notebookInstanceLifecycleConfigName,
        DefaultCodeRepository: n.defaultCodeRepository,
        AdditionalCodeRepositories: n.additionalCodeRepositories,
      };
    },

    StartNotebookInstance: (region, input) => {
      const r = ctx.region(region);
      const n = notebook(r, String(input.NotebookInstanceName));
      if (n.status !== 'Stopped' && n.status !== 'Failed') {
        throw validation(`Status (${n.status}) not in ([Stopped, Failed])`);
      }
      const limit = r.limits?.runningNotebookInstances ?? DEFAULT_LIMITS.runningNotebookInstances;
      const running = r.notebookInstances.filter((x) => x.status === 'InService' || x.status === 'Pending').length;
      if (running >= limit) {
        throw limitExceeded(
          `The account-level service limit 'Total number of notebook instances' is ${limit} Instances, with current utilization of ${running} Instances and a request delta of 1 Instances. Please use AWS Service Quotas to request an increase for this quota.`,
        );
      }
      n.status = 'Pending';
      delete n.failureReason;
      n.lastModifiedTime = new Date(ctx.now()).toISOString();
      ctx.schedule(n, 'InService');
      return {};
    },

    StopNotebookInstance: (region, input) => {
      const r = ctx.region(region);
      const n = notebook(r, String(input.NotebookInstanceName));
      if (n.status !== 'InService') {
        throw validation(`Status (${n.status}) not in ([InService])`);
      }
      n.status = 'Stopping';
      n.lastModifiedTime = new Date(ctx.now()).toISOString();
      ctx.schedule(n, 'Stopped');
      return {};
    },

    CreatePresignedNotebookInstanceUrl: (region, input) => {
      const r = ctx.region(region);
      const n = notebook(r, String(input.NotebookInstanceName));
      if (n.status !== 'InService') {
        throw validation(`Status (${n.status}) not in ([InService])`);
      }
      const session = num(input.SessionExpirationDurationInSeconds) ?? DEFAULT_SESSION_SECONDS;
      const now = ctx.now();
      const token = ctx.grants.issue({
        kind: 'notebook',
        region,
        notebookInstanceName: n.notebookInstanceName,
        createdAt: new Date(now),
        expiresAt: new Date(now + NOTEBOOK_URL_LIFETIME_SECONDS * 1000),
        expiresInSeconds: NOTEBOOK_URL_LIFETIME_SECONDS,
        sessionExpirationDurationInSeconds: session,
        sessionExpiresAt: new Date(now + session * 1000),
      });
      return { AuthorizedUrl: `${ctx.baseUrl}/notebook/${encodeURIComponent(n.notebookInstanceName)}?authToken=${token}` };
    },
  };
}
