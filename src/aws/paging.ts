/** Listing one page: the shape every List* operation shares. */
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { SageMakerSdk } from './clients';
import { checkMaxResults } from './checks';
import type { AwsCore } from './core';
import type { Page } from './model';
import type { ListOptions } from './options';

/**
 * One page of a List* operation: checks maxResults, makes the call (`send` passes `o`'s token,
 * page size, filter and signal), maps the items; an empty NextToken means the end.
 */
export async function listPage<Out extends { NextToken?: string }, T>(
  core: AwsCore,
  region: string,
  operation: string,
  o: ListOptions | undefined,
  send: (client: SageMakerClient, sdk: SageMakerSdk) => Promise<Out>,
  items: (out: Out) => T[],
): Promise<Page<T>> {
  checkMaxResults(o);
  const out = await core.call(region, operation, send);
  return { items: items(out), nextToken: out.NextToken || undefined };
}
