/** The setting `sagemaker.resourceTypes`: which root groups the tree shows. */
import * as vscode from 'vscode';
import { SettingsError } from './settings';

export const RESOURCE_TYPES = ['studioDomains', 'notebookInstances', 'mlflow', 'partnerApps'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** The setting's key under `sagemaker.` (a contract with package.json). */
export const RESOURCE_TYPES_SETTING = 'resourceTypes';

/** The kinds chosen, in the tree's order; all when unset. Throws SettingsError for a value that cannot be used. */
export function readResourceTypes(): ResourceType[] {
  const v = vscode.workspace.getConfiguration('sagemaker').get<unknown>(RESOURCE_TYPES_SETTING, [...RESOURCE_TYPES]);
  const allowed = RESOURCE_TYPES.join(', ');
  const name = `sagemaker.${RESOURCE_TYPES_SETTING}`;
  if (!Array.isArray(v)) {
    throw new SettingsError(name, `The setting "${name}" is ${JSON.stringify(v)}; it must be a list of ${allowed}.`);
  }
  for (const t of v as unknown[]) {
    if (!(RESOURCE_TYPES as readonly unknown[]).includes(t)) {
      throw new SettingsError(name, `The setting "${name}" has ${JSON.stringify(t)}; allowed: ${allowed}.`);
    }
  }
  if (v.length === 0) {
    throw new SettingsError(name, `The setting "${name}" is empty, so the view would show nothing; choose one or more of ${allowed}.`);
  }
  return RESOURCE_TYPES.filter((t) => (v as unknown[]).includes(t));
}
