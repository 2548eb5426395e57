/** The service's rules: private spaces, InService notebooks, and lifecycles that move through real states. */
import * as assert from 'node:assert/strict';
import * as sm from '@aws-sdk/client-sagemaker';
import { demoData, startEmulator } from '../../emulator';
import { client, EAST_DOMAIN, RESEARCH_DOMAIN, rejectsWith, useEmulator } from './helpers';

// Long enough that a loaded machine does not finish a transition between two calls; the tests move the clock instead of waiting.
const DELAY = 1000;

describe('emulator behaviour', () => {
  const { emu } = useEmulator({ transitionDelayMs: DELAY });
  afterEach(() => emu().reset());
  const c = () => client(emu());
  const notebookStatus = async (name: string) => (await c().send(new sm.DescribeNotebookInstanceCommand({ NotebookInstanceName: name }))).NotebookInstanceStatus;
  const appStatus = async (spaceName: string, appType: sm.AppType, domainId = EAST_DOMAIN) =>
    (await c().send(new sm.DescribeAppCommand({ DomainId: domainId, SpaceName: spaceName, AppType: appType, AppName: 'default' }))).Status;

  describe('private spaces', () => {
    it('open through their owner', async () => {
      const out = await c().send(new sm.CreatePresignedDomainUrlCommand({ DomainId: EAST_DOMAIN, UserProfileName: 'alice', SpaceName: 'alice-jupyterlab' }));
      assert.ok(out.AuthorizedUrl?.startsWith(`${emu().url}/auth?token=`));
    });

    it('not through another user profile (ValidationException)', async () => {
      await rejectsWith(
        c().send(new sm.CreatePresignedDomainUrlCommand({ DomainId: EAST_DOMAIN, UserProfileName: 'bob', SpaceName: 'alice-jupyterlab' })),
        'ValidationException',
        /private space; only its owner can open it/,
      );
    });

    it('shared spaces open through any user profile of the domain', async () => {
      for (const user of ['alice', 'bob', 'carol']) {
        await c().send(new sm.CreatePresignedDomainUrlCommand({ DomainId: EAST_DOMAIN, UserProfileName: user, SpaceName: 'team-analytics' }));
      }
      await rejectsWith(c().send(new sm.CreatePresignedDomainUrlCommand({ DomainId: EAST_DOMAIN, UserProfileName: 'alice', SpaceName: 'paper-reproduction' })), 'ResourceNotFound');
    });
  });

  describe('presigned domain URLs', () => {
    it('need an InService domain and user profile, and a landing URI of a supported form', async () => {
      await rejectsWith(c().send(new sm.CreatePresignedDomainUrlCommand({ DomainId: 'd-5mv7pc0ghy8s', UserProfileName: 'x' })), 'ValidationException', /Pending/);
      await rejectsWith(c().send(new sm.CreatePresignedDomainUrlCommand({ DomainId: RESEARCH_DOMAIN, UserProfileName: 'grace-new' })), 'ValidationException', /Pending/);
      await rejectsWith(c().send(new sm.CreatePresignedDomainUrlCommand({ DomainId: EAST_DOMAIN, UserProfileName: 'alice', LandingUri: 'app:Excel:' })), 'ValidationException', /LandingUri/);
      for (const LandingUri of ['studio::', 'studio::data-wrangler', 'app:JupyterLab:lab/tree/work', 'app:CodeEditor:', 'app:RStudioServerPro:', 'app:Canvas:', 'app:JupyterServer:']) {
        await c().send(new sm.CreatePresignedDomainUrlCommand({ DomainId: EAST_DOMAIN, UserProfileName: 'alice', LandingUri }));
      }
    });
  });

  it('presigned domain URLs need an IAM domain (an SSO domain is a ValidationException)', async () => {
    const data = demoData();
    data.regions['us-east-1'].domains[0].authMode = 'SSO';
    const sso = await startEmulator({ data });
    try {
      await rejectsWith(
        client(sso).send(new sm.CreatePresignedDomainUrlCommand({ DomainId: EAST_DOMAIN, UserProfileName: 'alice' })),
        'ValidationException',
        `Domain ${EAST_DOMAIN} has AuthMode SSO. CreatePresignedDomainUrl can only be called when the authentication mode equals IAM.`,
      );
    } finally {
      await sso.stop();
    }
  });

  describe('notebook instances', () => {
    it('a URL needs the instance InService', async () => {
      await rejectsWith(c().send(new sm.CreatePresignedNotebookInstanceUrlCommand({ NotebookInstanceName: 'churn-model-training' })), 'ValidationException', 'Status (Stopped) not in ([InService])');
      await rejectsWith(c().send(new sm.CreatePresignedNotebookInstanceUrlCommand({ NotebookInstanceName: 'forecasting-gpu' })), 'ValidationException', 'Status (Pending) not in ([InService])');
      await rejectsWith(c().send(new sm.CreatePresignedNotebookInstanceUrlCommand({ NotebookInstanceName: 'legacy-etl' })), 'ValidationException', 'Status (Failed) not in ([InService])');
    });

    it('start: Stopped -> Pending -> InService after the delay; then a URL works', async () => {
      await c().send(new sm.StartNotebookInstanceCommand({ NotebookInstanceName: 'churn-model-training' }));
      assert.equal(await notebookStatus('churn-model-training'), 'Pending');
      await rejectsWith(c().send(new sm.StartNotebookInstanceCommand({ NotebookInstanceName: 'churn-model-training' })), 'ValidationException', 'Status (Pending) not in ([Stopped, Failed])');
      emu().advanceClock(DELAY);
      assert.equal(await notebookStatus('churn-model-training'), 'InService');
      const url = await c().send(new sm.CreatePresignedNotebookInstanceUrlCommand({ NotebookInstanceName: 'churn-model-training' }));
      assert.ok(url.AuthorizedUrl?.includes('/notebook/churn-model-training?authToken='));
    });

    it('stop: InService -> Stopping -> Stopped; the list filter follows the state', async () => {
      await c().send(new sm.StopNotebookInstanceCommand({ NotebookInstanceName: 'fraud-detection-dev' }));
      assert.equal(await notebookStatus('fraud-detection-dev'), 'Stopping');
      await rejectsWith(c().send(new sm.StopNotebookInstanceCommand({ NotebookInstanceName: 'fraud-detection-dev' })), 'ValidationException', 'Status (Stopping) not in ([InService])');
      emu().advanceClock(DELAY);
      const stopped = await c().send(new sm.ListNotebookInstancesCommand({ StatusEquals: 'Stopped' }));
      assert.ok(stopped.NotebookInstances?.some((n) => n.NotebookInstanceName === 'fraud-detection-dev'));
    });

    it('transitions also happen in real time', async () => {
      await c().send(new sm.StartNotebookInstanceCommand({ NotebookInstanceName: 'nlp-experiments' }));
      await new Promise((resolve) => setTimeout(resolve, DELAY + 50));
      assert.equal(await notebookStatus('nlp-experiments'), 'InService');
    });

    it('start and stop of an unknown instance are ValidationException RecordNotFound', async () => {
      await rejectsWith(c().send(new sm.StartNotebookInstanceCommand({ NotebookInstanceName: 'missing' })), 'ValidationException', 'RecordNotFound');
      await rejectsWith(c().send(new sm.StopNotebookInstanceCommand({ NotebookInstanceName: 'missing' })), 'ValidationException', 'RecordNotFound');
    });
  });

  describe('apps', () => {
    it('CreateApp: Pending -> InService after the delay, replacing a Deleted app', async () => {
      assert.equal(await appStatus('alice-code-editor', 'CodeEditor'), 'Deleted');
      const out = await c().send(new sm.CreateAppCommand({ DomainId: EAST_DOMAIN, SpaceName: 'alice-code-editor', AppType: 'CodeEditor', AppName: 'default' }));
      assert.equal(out.AppArn, `arn:aws:sagemaker:us-east-1:123456789012:app/${EAST_DOMAIN}/alice-code-editor/codeeditor/default`);
      assert.equal(await appStatus('alice-code-editor', 'CodeEditor'), 'Pending');
      emu().advanceClock(DELAY);
      assert.equal(await appStatus('alice-code-editor', 'CodeEditor'), 'InService');
      const apps = await c().send(new sm.ListAppsCommand({ DomainIdEquals: EAST_DOMAIN, SpaceNameEquals: 'alice-code-editor' }));
      assert.deepEqual(apps.Apps?.map((a) => a.Status), ['InService']);
    });

    it('DeleteApp: InService -> Deleting -> Deleted; deleting again is ResourceNotFound', async () => {
      await c().send(new sm.DeleteAppCommand({ DomainId: EAST_DOMAIN, SpaceName: 'team-analytics', AppType: 'JupyterLab', AppName: 'default' }));
      assert.equal(await appStatus('team-analytics', 'JupyterLab'), 'Deleting');
      await rejectsWith(c().send(new sm.DeleteAppCommand({ DomainId: EAST_DOMAIN, SpaceName: 'team-analytics', AppType: 'JupyterLab', AppName: 'default' })), 'ResourceInUse');
      emu().advanceClock(DELAY);
      assert.equal(await appStatus('team-analytics', 'JupyterLab'), 'Deleted');
      await rejectsWith(c().send(new sm.DeleteAppCommand({ DomainId: EAST_DOMAIN, SpaceName: 'team-analytics', AppType: 'JupyterLab', AppName: 'default' })), 'ResourceNotFound');
    });

    it('CreateApp refuses a running app (ResourceInUse), the wrong app type, and ambiguous owners', async () => {
      await rejectsWith(c().send(new sm.CreateAppCommand({ DomainId: EAST_DOMAIN, SpaceName: 'team-analytics', AppType: 'JupyterLab', AppName: 'default' })), 'ResourceInUse', /already exists/);
      await rejectsWith(c().send(new sm.CreateAppCommand({ DomainId: EAST_DOMAIN, SpaceName: 'bob-jupyterlab', AppType: 'JupyterLab', AppName: 'default' })), 'ResourceInUse');
      await rejectsWith(c().send(new sm.CreateAppCommand({ DomainId: EAST_DOMAIN, SpaceName: 'shared-code-review', AppType: 'JupyterLab', AppName: 'default' })), 'ValidationException', /CodeEditor/);
      await rejectsWith(c().send(new sm.CreateAppCommand({ DomainId: EAST_DOMAIN, AppType: 'JupyterLab', AppName: 'default' })), 'ValidationException', /Exactly one of UserProfileName or SpaceName/);
      await rejectsWith(c().send(new sm.CreateAppCommand({ DomainId: EAST_DOMAIN, SpaceName: 'no-such-space', AppType: 'JupyterLab', AppName: 'default' })), 'ResourceNotFound');
      await rejectsWith(c().send(new sm.DeleteAppCommand({ DomainId: EAST_DOMAIN, SpaceName: 'bob-jupyterlab', AppType: 'JupyterLab', AppName: 'default' })), 'ResourceInUse', /Pending/);
    });
  });

  describe('quotas', () => {
    it('CreateApp and StartNotebookInstance beyond the account limits are ResourceLimitExceeded', async () => {
      const data = demoData();
      data.regions['us-east-1'].limits = { runningApps: 5, runningNotebookInstances: 2 };
      const tight = await startEmulator({ data, transitionDelayMs: DELAY });
      try {
        const tc = client(tight);
        const e1 = await rejectsWith(tc.send(new sm.CreateAppCommand({ DomainId: EAST_DOMAIN, SpaceName: 'alice-code-editor', AppType: 'CodeEditor', AppName: 'default' })), 'ResourceLimitExceeded', /service limit/);
        assert.ok(e1 instanceof sm.ResourceLimitExceeded);
        await rejectsWith(tc.send(new sm.StartNotebookInstanceCommand({ NotebookInstanceName: 'churn-model-training' })), 'ResourceLimitExceeded');
      } finally {
        await tight.stop();
      }
    });
  });
});
