/** The root groups, in the order they show: one entry per top-level kind of resource. */
import { readResourceTypes, type ResourceType } from '../resourceTypes';
import { domainsGroup } from './domain';
import type { NameFilter } from './filter';
import { GroupNode, type GroupSpec } from './group';
import { mlflowGroup } from './mlflow';
import { notebooksGroup } from './notebook';
import { partnerAppsGroup } from './partnerApp';
import type { TreeNodeKinds } from './listing';

/** Each kind of `sagemaker.resourceTypes`, with its group, in the tree's order. */
export const GROUPS_BY_TYPE: readonly (readonly [ResourceType, GroupSpec])[] = [
  ['studioDomains', domainsGroup],
  ['notebookInstances', notebooksGroup],
  ['mlflow', mlflowGroup],
  ['partnerApps', partnerAppsGroup],
];

export const ROOT_GROUPS: readonly GroupSpec[] = GROUPS_BY_TYPE.map(([, spec]) => spec);

/** The groups the setting `sagemaker.resourceTypes` chooses (all by default). */
export function chosenGroups(): GroupSpec[] {
  const types = readResourceTypes();
  return GROUPS_BY_TYPE.filter(([t]) => types.includes(t)).map(([, spec]) => spec);
}

/** The groups of a region: under its region node, or the view's roots when it shows one region. */
export function rootGroups(region: string, parent: TreeNodeKinds['region'] | undefined): GroupNode[] {
  return chosenGroups().map((spec) => new GroupNode(region, spec, parent));
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
