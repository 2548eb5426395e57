/**
 * Every kind, listed once: the last-known tree, links, Open Recent and the commands look a kind up
 * here by its name and ask it (src/kinds/kind.ts says what "kind" names). A new kind is its file
 * beside this one and a line in each list it belongs to; the compiler says when one is missing.
 */
import type { RowData, ResourceKind, ResourceSpec, TargetKind, TargetSpec, UrlTarget } from './kind';
import { domainResource } from './domain';
import { mlflowAppResource, mlflowAppTarget, trackingServerResource, trackingServerTarget } from './mlflow';
import { notebookResource, notebookTarget } from './notebook';
import { partnerAppResource, partnerAppTarget } from './partnerApp';
import { spaceResource, spaceTarget } from './space';
import { studioTarget, userProfileResource } from './userProfile';

export * from './kind';

/** The resource kinds (rows of the tree and of the last-known tree). */
export const RESOURCES: { readonly [K in ResourceKind]: ResourceSpec<K> } = {
  domain: domainResource,
  userProfile: userProfileResource,
  space: spaceResource,
  notebook: notebookResource,
  mlflowTrackingServer: trackingServerResource,
  mlflowApp: mlflowAppResource,
  partnerApp: partnerAppResource,
};

/** The target kinds (what a URL is made for; a link's kind), in the order links and messages list them (a contract). */
export const TARGETS: { readonly [K in TargetKind]: TargetSpec<K> } = {
  studio: studioTarget,
  space: spaceTarget,
  notebook: notebookTarget,
  mlflowTrackingServer: trackingServerTarget,
  mlflowApp: mlflowAppTarget,
  partnerApp: partnerAppTarget,
};

/** A target's kind, typed for that target (a record indexed by a union loses the link between them). */
export function targetSpec<T extends UrlTarget>(t: T): TargetSpec<T['kind']> {
  return TARGETS[t.kind];
}

/** How a target is named in messages ('Studio for alice (my-domain)', 'space x'…): as its kind says. */
export function describeTarget(t: UrlTarget): string {
  return targetSpec(t).name(t);
}

/** The resource kind of a row, as data. */
export function resourceSpec(row: RowData): ResourceSpec<ResourceKind> {
  return RESOURCES[row.kind];
}
