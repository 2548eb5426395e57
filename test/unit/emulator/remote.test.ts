/** Remote access: UpdateSpace (SpaceSettings.RemoteAccess), DescribeSpace showing it, StartSession. */
import * as assert from 'node:assert/strict';
import * as sm from '@aws-sdk/client-sagemaker';
import { client, EAST_DOMAIN, rejectsWith, sleep, SSO_DOMAIN, useEmulator } from './helpers';

const appArn = (space: string, type = 'jupyterlab', region = 'us-east-1', domain = EAST_DOMAIN): string =>
  `arn:aws:sagemaker:${region}:123456789012:app/${domain}/${space}/${type}/default`;

describe('emulator remote access', () => {
  const { emu } = useEmulator({ transitionDelayMs: 30 });
  const c = () => client(emu());
  beforeEach(() => emu().reset());

  async function stopApp(space: string, type: sm.AppType = 'JupyterLab'): Promise<void> {
    await c().send(new sm.DeleteAppCommand({ DomainId: EAST_DOMAIN, SpaceName: space, AppType: type, AppName: 'default' }));
    await sleep(80);
  }

  it('DescribeSpace shows SpaceSettings.RemoteAccess; UpdateSpace turns it on once the app is stopped, and the answer names the space', async () => {
    const before = await c().send(new sm.DescribeSpaceCommand({ DomainId: EAST_DOMAIN, SpaceName: 'alice-jupyterlab' }));
    assert.equal(before.SpaceSettings?.RemoteAccess, undefined, 'never set');
    const enabled = await c().send(new sm.DescribeSpaceCommand({ DomainId: EAST_DOMAIN, SpaceName: 'team-analytics' }));
    assert.equal(enabled.SpaceSettings?.RemoteAccess, 'ENABLED');
    await rejectsWith(
      c().send(new sm.UpdateSpaceCommand({ DomainId: EAST_DOMAIN, SpaceName: 'alice-jupyterlab', SpaceSettings: { RemoteAccess: 'ENABLED' } })),
      'ResourceInUse',
      /has an app in InService status; stop it before changing RemoteAccess/,
    );
    await stopApp('alice-jupyterlab');
    const out = await c().send(new sm.UpdateSpaceCommand({ DomainId: EAST_DOMAIN, SpaceName: 'alice-jupyterlab', SpaceSettings: { RemoteAccess: 'ENABLED' } }));
    assert.equal(out.SpaceArn, `arn:aws:sagemaker:us-east-1:123456789012:space/${EAST_DOMAIN}/alice-jupyterlab`);
    const after = await c().send(new sm.DescribeSpaceCommand({ DomainId: EAST_DOMAIN, SpaceName: 'alice-jupyterlab' }));
    assert.equal(after.SpaceSettings?.RemoteAccess, 'ENABLED');
    assert.equal(after.SpaceSettings?.AppType, 'JupyterLab');
  });

  it('UpdateSpace validates as the API model says, and refuses a change of app type or an unknown space', async () => {
    await rejectsWith(
      c().send(new sm.UpdateSpaceCommand({ DomainId: EAST_DOMAIN, SpaceName: 'alice-jupyterlab', SpaceSettings: { RemoteAccess: 'ON' as sm.FeatureStatus } })),
      'ValidationException',
      /Value 'ON' at 'spaceSettings.remoteAccess' failed to satisfy constraint: Member must satisfy enum value set: \[ENABLED, DISABLED\]/,
    );
    await rejectsWith(
      c().send(new sm.UpdateSpaceCommand({ DomainId: EAST_DOMAIN, SpaceName: 'alice-jupyterlab', SpaceSettings: { AppType: 'CodeEditor' } })),
      'ValidationException',
      /can't edit the app type/,
    );
    await rejectsWith(c().send(new sm.UpdateSpaceCommand({ DomainId: EAST_DOMAIN, SpaceName: 'nobody-here', SpaceSettings: { RemoteAccess: 'ENABLED' } })), 'ResourceNotFound', /Space with ARN .* not found/);
    // Nothing changed.
    const s = await c().send(new sm.DescribeSpaceCommand({ DomainId: EAST_DOMAIN, SpaceName: 'alice-jupyterlab' }));
    assert.equal(s.SpaceSettings?.RemoteAccess, undefined);
  });

  it('StartSession for a running app of a space with remote access answers SessionId, StreamUrl and TokenValue within the model, and the endpoint can tell its token', async () => {
    const out = await c().send(new sm.StartSessionCommand({ ResourceIdentifier: appArn('team-analytics') }));
    assert.match(out.SessionId ?? '', /^.{1,256}$/);
    assert.match(out.StreamUrl ?? '', new RegExp(`^wss://ssmmessages\\.us-east-1\\.amazonaws\\.com/v1/data-channel/${out.SessionId}\\?`));
    assert.ok((out.TokenValue ?? '').length > 0 && (out.TokenValue ?? '').length <= 1024);
    const sessions = emu().remoteSessions();
    assert.deepEqual(
      sessions.map((s) => [s.sessionId, s.spaceName, s.resourceIdentifier]),
      [[out.SessionId, 'team-analytics', appArn('team-analytics')]],
    );
    assert.ok(!JSON.stringify(sessions).includes(out.TokenValue ?? '-'), 'the list never holds a token');
    const check = async (body: object) => (await fetch(`${emu().adminUrl}/sessions/check`, { method: 'POST', body: JSON.stringify(body) })).status;
    assert.equal(await check({ SessionId: out.SessionId, TokenValue: out.TokenValue }), 200);
    assert.equal(await check({ SessionId: out.SessionId, TokenValue: `${out.TokenValue?.slice(0, -2)}AA` }), 404);
  });

  it('StartSession refuses what cannot be reached: remote access off, app not running, other app types, bad or foreign ARNs', async () => {
    await rejectsWith(c().send(new sm.StartSessionCommand({ ResourceIdentifier: appArn('alice-jupyterlab') })), 'ValidationException', /Remote access is not enabled for space alice-jupyterlab/);
    await rejectsWith(c().send(new sm.StartSessionCommand({ ResourceIdentifier: 'not-an-arn' })), 'ValidationException', /failed to satisfy constraint: Member must satisfy regular expression pattern/);
    await rejectsWith(
      c().send(new sm.StartSessionCommand({ ResourceIdentifier: `arn:aws:sagemaker:us-east-1:123456789012:space/${EAST_DOMAIN}/team-analytics` })),
      'ValidationException',
      /is not the ARN of a space's app/,
    );
    await rejectsWith(c().send(new sm.StartSessionCommand({ ResourceIdentifier: appArn('team-analytics', 'jupyterlab', 'eu-west-1') })), 'ResourceNotFound');
    await rejectsWith(c().send(new sm.StartSessionCommand({ ResourceIdentifier: appArn('carol-rstudio', 'rstudioserverpro') })), 'ValidationException', /JupyterLab and Code Editor spaces only/);
    await stopApp('team-analytics');
    await rejectsWith(c().send(new sm.StartSessionCommand({ ResourceIdentifier: appArn('team-analytics') })), 'ResourceNotFound', /App with ARN .* not found/);
    await c().send(new sm.CreateAppCommand({ DomainId: EAST_DOMAIN, SpaceName: 'team-analytics', AppType: 'JupyterLab', AppName: 'default' }));
    await rejectsWith(c().send(new sm.StartSessionCommand({ ResourceIdentifier: appArn('team-analytics') })), 'ValidationException', /is in Pending status; it must be InService/);
    await sleep(80);
    await c().send(new sm.StartSessionCommand({ ResourceIdentifier: appArn('team-analytics') }));
    assert.equal(emu().remoteSessions().length, 1, 'only the last call started a session');
  });

  it('StartSession for a space of an IAM Identity Center (SSO) domain is a ValidationException naming its AuthMode', async () => {
    await rejectsWith(
      client(emu(), { region: 'eu-west-1' }).send(new sm.StartSessionCommand({ ResourceIdentifier: appArn('kenji-lab', 'jupyterlab', 'eu-west-1', SSO_DOMAIN) })),
      'ValidationException',
      new RegExp(`Domain ${SSO_DOMAIN} has AuthMode SSO`),
    );
    assert.equal(emu().remoteSessions().length, 0);
  });
});
