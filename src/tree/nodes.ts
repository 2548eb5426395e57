/**
 * The tree's nodes, one kind per file, named together for the provider and the commands (the
 * `Node` union itself is in ./listing.ts, which every node module adds its class to).
 */
import type { ListNode, Node } from './listing';

export { DomainNode, domainUpdate } from './domain';
export { EmptyNode } from './empty';
export { ErrorNode } from './error';
export { GroupNode, type GroupSpec } from './group';
export { Listing, type FetchContext } from './listing';
export { LoadMoreNode } from './loadMore';
export { LoadingNode } from './loading';
export { NotebookNode, notebookState, notebookUpdate } from './notebook';
export { MlflowAppNode, TrackingServerNode, trackingServerStateKey, trackingServerUpdate } from './mlflow';
export { PartnerAppNode } from './partnerApp';
export { RegionNode } from './region';
export { SpaceNode, spaceUpdate } from './space';
export { UserProfileNode } from './userProfile';

export type { ListNode, Node } from './listing';

export function isListNode(n: Node | undefined): n is ListNode {
  // Only a list node has a listing.
  return n !== undefined && 'listing' in n;
}
