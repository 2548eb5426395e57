/**
 * The tree's nodes, one kind per file, named together for the provider and the commands (the
 * `Node` union itself is in ./listing.ts, which every node module adds its class to).
 */
import { DomainNode } from './domain';
import { GroupNode } from './group';
import type { ListNode, Node } from './listing';
import { UserProfileNode } from './userProfile';

export { DomainNode } from './domain';
export { EmptyNode } from './empty';
export { ErrorNode } from './error';
export { GroupNode, type GroupSpec } from './group';
export { Listing, type FetchContext } from './listing';
export { LoadMoreNode } from './loadMore';
export { LoadingNode } from './loading';
export { NotebookNode, notebookState } from './notebook';
export { MlflowAppNode, TrackingServerNode } from './mlflow';
export { PartnerAppNode } from './partnerApp';
export { RegionNode } from './region';
export { SpaceNode } from './space';
export { UserProfileNode } from './userProfile';

export type { ListNode, Node } from './listing';

export function isListNode(n: Node | undefined): n is ListNode {
  return n instanceof GroupNode || n instanceof DomainNode || n instanceof UserProfileNode;
}
