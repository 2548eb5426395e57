/**
 * What says how long a space's app may sit idle: a space's own idle shutdown
 * (`SpaceSettings.<JupyterLab|CodeEditor>AppSettings.AppLifecycleManagement.IdleSettings`) and its
 * domain's default (`DefaultUserSettings` for private spaces, `DefaultSpaceSettings` for shared
 * ones, each `...AppSettings.AppLifecycleManagement.IdleSettings`), shaped as the API model
 * (test/reference/sagemaker-api-model.json: SpaceIdleSettings, IdleSettings) says. Only JupyterLab
 * and Code Editor apps have idle shutdown.
 */
import type { DomainRecord, SpaceRecord } from './data';

/** The model's IdleTimeoutInMinutes range. */
const MIN_IDLE = 60;
const MAX_IDLE = 525600;

const settingsKey = (appType: string): string | undefined =>
  appType === 'JupyterLab' ? 'JupyterLabAppSettings' : appType === 'CodeEditor' ? 'CodeEditorAppSettings' : undefined;

/** DescribeSpace's SpaceSettings members for a space's own idle shutdown (none when unset). */
export function spaceIdleSettings(s: SpaceRecord): Record<string, unknown> {
  const key = settingsKey(s.appType);
  if (!key || s.idleTimeoutInMinutes === undefined) {
    return {};
  }
  return { [key]: { AppLifecycleManagement: { IdleSettings: { IdleTimeoutInMinutes: s.idleTimeoutInMinutes } } } };
}

/** One app settings block of a domain's defaults: idle shutdown on, with the domain's timeout. */
function appDefaults(d: DomainRecord): { JupyterLabAppSettings: unknown; CodeEditorAppSettings: unknown } {
  const idle = {
    AppLifecycleManagement: {
      IdleSettings: { LifecycleManagement: 'ENABLED', IdleTimeoutInMinutes: d.idleTimeoutInMinutes, MinIdleTimeoutInMinutes: MIN_IDLE, MaxIdleTimeoutInMinutes: MAX_IDLE },
    },
  };
  return { JupyterLabAppSettings: idle, CodeEditorAppSettings: idle };
}

/** DescribeDomain's members that carry the domain's default idle shutdown (none when it has none). */
export function domainIdleDefaults(d: DomainRecord, executionRole: string): { DefaultUserSettings: Record<string, unknown>; DefaultSpaceSettings?: Record<string, unknown> } {
  if (d.idleTimeoutInMinutes === undefined) {
    return { DefaultUserSettings: { ExecutionRole: executionRole } };
  }
  const defaults = appDefaults(d);
  return {
    DefaultUserSettings: { ExecutionRole: executionRole, ...defaults },
    // The model's DefaultSpaceSettings has JupyterLabAppSettings only.
    DefaultSpaceSettings: { ExecutionRole: executionRole, JupyterLabAppSettings: defaults.JupyterLabAppSettings },
  };
}
