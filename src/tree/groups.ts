/** The root groups, in the order they show: one entry per top-level kind of resource. */
import { domainsGroup } from './domain';
import { GroupNode, type GroupSpec } from './group';
import { notebooksGroup } from './notebook';
import type { RegionNode } from './region';

export const ROOT_GROUPS: readonly GroupSpec[] = [domainsGroup, notebooksGroup];

/** The groups of a region: under its region node, or the view's roots when it shows one region. */
export function rootGroups(region: string, parent: RegionNode | undefined): GroupNode[] {
  return ROOT_GROUPS.map((spec) => new GroupNode(region, spec, parent));
}
