/**
 * Which nodes are open in the view, from its expand and collapse events. Kept across reloads: the
 * view keeps a node open by its id when the tree is drawn again (a fresh node starts closed).
 */
import { isListNode, type ListNode, type Node, type RegionNode } from './nodes';

export class OpenNodes {
  private readonly ids = new Set<string>();
  /**
   * The groups of a one-region view open by themselves, unless the view closed one: VS Code keeps
   * it closed when the tree is drawn again, so the next tree's group starts closed too.
   */
  private readonly closedRootGroups = new Set<string>();

  /** Whether a node is open in the view: a group of a one-region view opens by itself (no event), others once the view said so. */
  isOpen(node: RegionNode | ListNode): boolean {
    return node.kind === 'group' && !node.parent ? node.expanded : this.ids.has(node.id);
  }

  /** The view expanded or collapsed a node. */
  set(node: Node, expanded: boolean): void {
    if (node.kind === 'region' || isListNode(node)) {
      node.expanded = expanded;
      if (expanded) {
        this.ids.add(node.id);
        this.closedRootGroups.delete(node.id);
      } else {
        this.ids.delete(node.id);
        if (node.kind === 'group' && !node.parent) {
          this.closedRootGroups.add(node.id);
        }
      }
    }
  }

  /** Whether a one-region view's group starts closed (the view closed it in an earlier tree). */
  startsClosed(id: string): boolean {
    return this.closedRootGroups.has(id);
  }

  /** Nodes open in a restored tree. */
  add(ids: readonly string[]): void {
    ids.forEach((id) => this.ids.add(id));
  }
}
