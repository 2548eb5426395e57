/**
 * The tree's nodes, one kind per file; this module names them all (the `Node` union) for the
 * provider and the commands.
 */
import { DomainNode } from './domain';
import type { EmptyNode } from './empty';
import type { ErrorNode } from './error';
import { GroupNode } from './group';
import type { LoadMoreNode } from './loadMore';
import type { LoadingNode } from './loading';
import type { MlflowAppNode, TrackingServerNode } from './mlflow';
import type { NotebookNode } from './notebook';
import type { PartnerAppNode } from './partnerApp';
import type { RegionNode } from './region';
import type { SpaceNode } from './space';
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

export type ListNode = GroupNode | DomainNode | UserProfileNode;

export type Node = RegionNode | GroupNode | DomainNode | UserProfileNode | SpaceNode | NotebookNode | TrackingServerNode | MlflowAppNode | PartnerAppNode | LoadMoreNode | LoadingNode | ErrorNode | EmptyNode;

export function isListNode(n: Node | undefined): n is ListNode {
  return n instanceof GroupNode || n instanceof DomainNode || n instanceof UserProfileNode;
}
