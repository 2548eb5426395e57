/** The root groups, in the order they show: one entry per top-level kind of resource. */
import { domainsGroup } from './domain';
import type { NameFilter } from './filter';
import { GroupNode, type GroupSpec } from './group';
import { notebooksGroup } from './notebook';
import type { RegionNode } from './region';

export const ROOT_GROUPS: readonly GroupSpec[] = [domainsGroup, notebooksGroup];

/** The groups of a region: under its region node, or the view's roots when it shows one region. */
export function rootGroups(region: string, parent: RegionNode | undefined): GroupNode[] {
  return ROOT_GROUPS.map((spec) => new GroupNode(region, spec, parent));
}

/** Every list the view's name filter can reach, in tree order (a group's list, then the lists nested under it). */
export function nameFilters(): NameFilter[] {
  const seen = new Set<string>();
  const out: NameFilter[] = [];
  for (const spec of ROOT_GROUPS) {
    for (const f of [spec.nameFilter, ...(spec.nestedFilters ?? [])]) {
      if (f && !seen.has(f.key)) {
        seen.add(f.key);
        out.push(f);
      }
    }
  }
  return out;
}

/** The lists a new filter applies to: those whose NameFilter does not say otherwise. */
export function defaultFilterScope(): string[] {
  return nameFilters()
    .filter((f) => f.byDefault !== false)
    .map((f) => f.key);
}
