/**
 * The idle shutdown that applies to a space's app: the space's own
 * (`SpaceSettings.<JupyterLab|CodeEditor>AppSettings.AppLifecycleManagement.IdleSettings`), else
 * its domain's default (`DefaultSpaceSettings` for a shared space, `DefaultUserSettings` for a
 * private one, with `LifecycleManagement: ENABLED`), else none. DescribeSpace, and DescribeDomain
 * (kept 10 minutes) when the space sets none. Part of the spaces family.
 */
import type { AwsCore } from './core';
import { checkName } from './checks';

export interface IdleShutdown {
  /** Minutes idle before SageMaker shuts the app down; undefined: no idle shutdown. */
  readonly minutes?: number;
  readonly source: 'space' | 'domain' | 'none';
}

export interface SpaceIdleAccess {
  spaceIdleShutdown(region: string, domainId: string, spaceName: string, signal?: AbortSignal): Promise<IdleShutdown>;
}

const DOMAIN_TTL_MS = 10 * 60_000;

interface AppSettings {
  AppLifecycleManagement?: { IdleSettings?: { IdleTimeoutInMinutes?: number; LifecycleManagement?: string } };
}
type SettingsByApp = { JupyterLabAppSettings?: AppSettings; CodeEditorAppSettings?: AppSettings } | undefined;

function of(settings: SettingsByApp, appType: string | undefined): AppSettings['AppLifecycleManagement'] {
  const s = appType === 'JupyterLab' ? settings?.JupyterLabAppSettings : appType === 'CodeEditor' ? settings?.CodeEditorAppSettings : undefined;
  return s?.AppLifecycleManagement;
}

export function spaceIdleAccess(core: AwsCore): SpaceIdleAccess {
  const domains = new Map<string, { at: number; value: Promise<{ user: SettingsByApp; space: SettingsByApp }> }>();

  function domainDefaults(region: string, domainId: string, signal?: AbortSignal): Promise<{ user: SettingsByApp; space: SettingsByApp }> {
    const key = JSON.stringify([region, domainId]);
    const hit = domains.get(key);
    if (hit && Date.now() - hit.at < DOMAIN_TTL_MS) {
      return hit.value;
    }
    const value = core
      .call(region, 'DescribeDomain', (c, sdk) => c.send(new sdk.DescribeDomainCommand({ DomainId: domainId }), { abortSignal: signal }))
      .then((d) => ({ user: d.DefaultUserSettings, space: d.DefaultSpaceSettings }));
    const entry = { at: Date.now(), value };
    domains.set(key, entry);
    value.catch(() => domains.get(key) === entry && domains.delete(key));
    return value;
  }

  return {
    async spaceIdleShutdown(region, domainId, spaceName, signal) {
      checkName('DomainId', domainId, 'DescribeSpace');
      checkName('SpaceName', spaceName, 'DescribeSpace');
      const s = await core.call(region, 'DescribeSpace', (c, sdk) => c.send(new sdk.DescribeSpaceCommand({ DomainId: domainId, SpaceName: spaceName }), { abortSignal: signal }));
      const appType = s.SpaceSettings?.AppType;
      const own = of(s.SpaceSettings, appType)?.IdleSettings?.IdleTimeoutInMinutes;
      if (own !== undefined) {
        return { minutes: own, source: 'space' };
      }
      const d = await domainDefaults(region, domainId, signal);
      // A shared space takes the domain's space defaults (JupyterLab only, in the API), else its user defaults.
      const idle = (s.SpaceSharingSettings?.SharingType === 'Shared' ? (of(d.space, appType) ?? of(d.user, appType)) : of(d.user, appType))?.IdleSettings;
      if (idle?.LifecycleManagement === 'ENABLED' && idle.IdleTimeoutInMinutes !== undefined) {
        return { minutes: idle.IdleTimeoutInMinutes, source: 'domain' };
      }
      return { source: 'none' };
    },
  };
}
