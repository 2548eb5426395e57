/** What the emulator says about running environments: app instance types and times, idle settings, status filters. */
import * as assert from 'node:assert/strict';
import { DescribeDomainCommand, DescribeSpaceCommand, ListAppsCommand, ListMlflowTrackingServersCommand, ListNotebookInstancesCommand } from '@aws-sdk/client-sagemaker';
import { client, EAST_DOMAIN, RESEARCH_DOMAIN, useEmulator } from './helpers';

describe('emulator/running environments', () => {
  const { emu } = useEmulator({ data: 'demo' });

  it("ListApps gives each app's ResourceSpec.InstanceType and CreationTime", async () => {
    const out = await client(emu()).send(new ListAppsCommand({ DomainIdEquals: EAST_DOMAIN, SpaceNameEquals: 'team-analytics' }));
    const app = out.Apps?.[0];
    assert.equal(app?.ResourceSpec?.InstanceType, 'ml.g5.xlarge');
    assert.ok(app?.CreationTime instanceof Date);
    assert.ok(Date.now() - app.CreationTime.getTime() > 10 * 3_600_000, 'the demo GPU app has run for hours');
  });

  it("DescribeSpace says a space's own idle shutdown; DescribeDomain the domain's default for private and shared spaces", async () => {
    const c = client(emu());
    const own = await c.send(new DescribeSpaceCommand({ DomainId: EAST_DOMAIN, SpaceName: 'alice-jupyterlab' }));
    assert.equal(own.SpaceSettings?.JupyterLabAppSettings?.AppLifecycleManagement?.IdleSettings?.IdleTimeoutInMinutes, 60);
    const none = await c.send(new DescribeSpaceCommand({ DomainId: EAST_DOMAIN, SpaceName: 'team-analytics' }));
    assert.equal(none.SpaceSettings?.JupyterLabAppSettings, undefined);
    const d = await c.send(new DescribeDomainCommand({ DomainId: EAST_DOMAIN }));
    for (const settings of [d.DefaultUserSettings, d.DefaultSpaceSettings]) {
      const idle = settings?.JupyterLabAppSettings?.AppLifecycleManagement?.IdleSettings;
      assert.equal(idle?.LifecycleManagement, 'ENABLED');
      assert.equal(idle?.IdleTimeoutInMinutes, 180);
    }
    const research = await c.send(new DescribeDomainCommand({ DomainId: RESEARCH_DOMAIN }));
    assert.equal(research.DefaultUserSettings?.JupyterLabAppSettings, undefined);
    assert.equal(research.DefaultSpaceSettings, undefined);
    assert.equal(d.DefaultUserSettings?.CodeEditorAppSettings?.AppLifecycleManagement?.IdleSettings?.IdleTimeoutInMinutes, 180);
  });

  it('ListNotebookInstances StatusEquals and ListMlflowTrackingServers TrackingServerStatus return only that state', async () => {
    const c = client(emu());
    const nbs = await c.send(new ListNotebookInstancesCommand({ StatusEquals: 'InService' }));
    assert.deepEqual(nbs.NotebookInstances?.map((n) => n.NotebookInstanceName), ['fraud-detection-dev']);
    const started = await c.send(new ListMlflowTrackingServersCommand({ TrackingServerStatus: 'Started' }));
    assert.deepEqual(started.TrackingServerSummaries?.map((s) => s.TrackingServerName), ['mlflow-platform']);
    const created = await c.send(new ListMlflowTrackingServersCommand({ TrackingServerStatus: 'Created' }));
    assert.deepEqual(created.TrackingServerSummaries?.map((s) => s.TrackingServerName), ['research-tracking']);
  });
});
