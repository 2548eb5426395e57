/** The root groups, in the order they show: one entry per top-level kind of resource. */
import { readResourceTypes, type ResourceType } from '../resourceTypes';
import { domainsGroup } from './domain';
import { GroupNode, type GroupSpec } from './group';
import { mlflowGroup } from './mlflow';
import { notebooksGroup } from './notebook';
import { partnerAppsGroup } from './partnerApp';
import type { RegionNode } from './region';

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
export function rootGroups(region: string, parent: RegionNode | undefined): GroupNode[] {
  return chosenGroups().map((spec) => new GroupNode(region, spec, parent));
}
