import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Node } from '../../src/tree/nodes';
import { callCount, children, copyAndCheckCountdown, emulator, emulatorUrl, item, nodeAt, resetSettings, safe, usePrompter, visit, waitFor } from './helpers';

/** Each command runs twice: on a tree node (context menu / inline icon) and from the palette (quick picks). */
describe('commands, from the tree and from the palette', () => {
  const { api, prompter } = usePrompter();

  before(async () => {
    await resetSettings();
    await emulator.reset();
    await vscode.commands.executeCommand('sagemaker.refresh');
  });
  afterEach(async () => {
    prompter.assertDone();
    await emulator.clearFaults();
  });
  after(() => emulator.reset());

  const alice = (): Promise<Node> => nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice');
  const aliceLab = (): Promise<Node> => nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice', 'Alice JupyterLab');
  const fraud = (): Promise<Node> => nodeAt(api(), 'Notebook Instances', 'fraud-detection-dev');

  const lastOpened = (): string => {
    assert.equal(prompter.opened.length, 1, 'exactly one URL opened');
    return prompter.opened[0].toString(true);
  };

  /** The page a presigned URL leads to (the emulator's stand-in for Studio / Jupyter). */
  async function page(url: string): Promise<string> {
    assert.equal(new URL(url).origin, new URL(emulatorUrl()).origin, `URL does not point at the endpoint: ${safe(url)}`);
    const r = await visit(url);
    assert.equal(r.status, 200, `the URL did not open a page (${r.status})`);
    return r.body;
  }

  describe('Open Studio / Copy Studio URL', () => {
    it('opens Studio for a user profile node, with one API call', async () => {
      const before = await callCount('CreatePresignedDomainUrl');
      await vscode.commands.executeCommand('sagemaker.openStudio', await alice());
      const body = await page(lastOpened());
      assert.match(body, /SageMaker Studio/);
      assert.match(body, /alice/);
      assert.equal((await callCount('CreatePresignedDomainUrl')) - before, 1);
    });

    it('asks domain and user profile in the palette, with names and descriptions', async () => {
      prompter.script({ pick: 'ml-platform' }, { pick: 'bob' });
      await vscode.commands.executeCommand('sagemaker.openStudio');
      assert.deepEqual(
        prompter.picks.map((p) => p.title),
        ['Studio domain (us-east-1)', 'User profile in ml-platform'],
      );
      const domainItem = prompter.picks[0].items.find((i) => i.label === 'ml-platform');
      assert.equal(domainItem?.description, 'InService · d-7kx2hq9mzp4a');
      assert.match(await page(lastOpened()), /bob/);
    });

    it('stops quietly when the user cancels a pick', async () => {
      prompter.script({ pick: 'ml-platform' }, { cancel: true });
      await vscode.commands.executeCommand('sagemaker.openStudio');
      assert.equal(prompter.opened.length, 0);
    });

    it('copies the Studio URL of a node, with a countdown', async () => {
      const node = await alice();
      await copyAndCheckCountdown(api(), () => vscode.commands.executeCommand('sagemaker.copyStudioUrl', node));
      const copied = await vscode.env.clipboard.readText();
      assert.match(await page(copied), /alice/);
    });

    it('copies the Studio URL asked for in the palette', async () => {
      prompter.script({ pick: 'research-lab' }, { pick: 'erin' });
      await vscode.commands.executeCommand('sagemaker.copyStudioUrl');
      assert.match(await page(await vscode.env.clipboard.readText()), /erin/);
    });
  });

  describe('Open Space / Copy Space URL', () => {
    it('opens a space node', async () => {
      await vscode.commands.executeCommand('sagemaker.openSpace', await aliceLab());
      const body = await page(lastOpened());
      assert.match(body, /JupyterLab/);
      assert.match(body, /alice-jupyterlab/);
    });

    it('opens a shared space under the profile it is shown under', async () => {
      await vscode.commands.executeCommand('sagemaker.openSpace', await nodeAt(api(), 'Studio Domains', 'ml-platform', 'bob', 'Team Analytics'));
      const grants = await emulator.grants();
      const g = grants[grants.length - 1];
      assert.equal(g.spaceName, 'team-analytics');
      assert.equal(g.userProfileName, 'bob');
    });

    it('asks domain → user profile → space in the palette', async () => {
      prompter.script({ pick: 'ml-platform' }, { pick: 'carol' }, { pick: 'Carol RStudio' });
      await vscode.commands.executeCommand('sagemaker.openSpace');
      const spaces = prompter.picks[2];
      assert.deepEqual(spaces.items.map((i) => i.label), ['Carol RStudio', 'Team Analytics', 'Shared Code Review']);
      assert.equal(spaces.items[0].description, 'RStudioServerPro · Private · Running');
      assert.match(await page(lastOpened()), /carol-rstudio/);
    });

    it('copies a space node\'s URL', async () => {
      await vscode.commands.executeCommand('sagemaker.copySpaceUrl', await aliceLab());
      assert.match(await page(await vscode.env.clipboard.readText()), /alice-jupyterlab/);
    });

    it('copies the URL of a space asked for in the palette', async () => {
      prompter.script({ pick: 'research-lab' }, { pick: 'frank' }, { pick: 'Paper Reproduction' });
      await vscode.commands.executeCommand('sagemaker.copySpaceUrl');
      assert.match(await page(await vscode.env.clipboard.readText()), /paper-reproduction/);
    });
  });

  describe('notebook instances: Open in JupyterLab / Jupyter, Copy URL', () => {
    it('opens a notebook instance node in JupyterLab', async () => {
      await vscode.commands.executeCommand('sagemaker.openNotebookJupyterLab', await fraud());
      const url = lastOpened();
      assert.equal(new URL(url).searchParams.get('view'), 'lab');
      const body = await page(url);
      assert.match(body, /JupyterLab/);
      assert.match(body, /fraud-detection-dev/);
    });

    it('opens a notebook instance node in Jupyter (classic)', async () => {
      await vscode.commands.executeCommand('sagemaker.openNotebookJupyter', await fraud());
      const url = lastOpened();
      assert.equal(new URL(url).searchParams.get('view'), null);
      assert.match(await page(url), /fraud-detection-dev/);
    });

    it('asks for the notebook instance in the palette, with status and type', async () => {
      prompter.script({ pick: 'fraud-detection-dev' });
      await vscode.commands.executeCommand('sagemaker.openNotebookJupyterLab');
      const item = prompter.picks[0].items.find((i) => i.label === 'fraud-detection-dev');
      // As the tree's row says it, with how long it has run (a bound: since its last change).
      assert.match(item?.description ?? '', /^InService · ml\.t3\.medium · since \S/);
      assert.match(await page(lastOpened()), /fraud-detection-dev/);
      prompter.script({ pick: 'fraud-detection-dev' });
      prompter.opened.length = 0;
      await vscode.commands.executeCommand('sagemaker.openNotebookJupyter');
      assert.match(await page(lastOpened()), /fraud-detection-dev/);
    });

    it('copies a notebook instance URL from a node and from the palette', async () => {
      await vscode.commands.executeCommand('sagemaker.copyNotebookUrl', await fraud());
      assert.match(await page(await vscode.env.clipboard.readText()), /fraud-detection-dev/);
      await vscode.env.clipboard.writeText('');
      prompter.script({ pick: 'fraud-detection-dev' });
      await vscode.commands.executeCommand('sagemaker.copyNotebookUrl');
      assert.match(await page(await vscode.env.clipboard.readText()), /fraud-detection-dev/);
    });
  });

  describe('Open with Options…', () => {
    it('sets landing page, path and both lifetimes for one URL from a user profile node, then copies it', async () => {
      prompter.script({ pick: 'Code Editor' }, { input: '/src/main.py' }, { input: '120' }, { input: '3600' }, { pick: 'Copy URL' });
      await vscode.commands.executeCommand('sagemaker.openWithOptions', await alice());
      const grants = await emulator.grants();
      const g = grants[grants.length - 1];
      assert.equal(g.landingUri, 'app:CodeEditor:/src/main.py');
      assert.equal(g.expiresInSeconds, 120);
      assert.equal(g.sessionExpirationDurationInSeconds, 3600);
      assert.match(await page(await vscode.env.clipboard.readText()), /Code Editor/);
    });

    it('asks what to open in the palette, then the notebook UI and session, and opens it', async () => {
      prompter.script({ pick: 'Notebook instance' }, { pick: 'fraud-detection-dev' }, { pick: 'Jupyter' }, { input: '1800' }, { pick: 'Open in Browser' });
      await vscode.commands.executeCommand('sagemaker.openWithOptions');
      const url = lastOpened();
      assert.equal(new URL(url).searchParams.get('view'), null);
      const grants = await emulator.grants();
      assert.equal(grants[grants.length - 1].sessionExpirationDurationInSeconds, 1800);
      assert.match(await page(url), /fraud-detection-dev/);
    });

    it('opens a space node on a landing page of its own choosing', async () => {
      prompter.script({ pick: 'JupyterLab' }, { input: '/lab/tree/notebooks' }, { input: '60' }, { input: '1800' }, { pick: 'Open in Browser' });
      await vscode.commands.executeCommand('sagemaker.openWithOptions', await aliceLab());
      const grants = await emulator.grants();
      const g = grants[grants.length - 1];
      assert.equal(g.spaceName, 'alice-jupyterlab');
      assert.equal(g.landingUri, 'app:JupyterLab:/lab/tree/notebooks');
      assert.equal(g.expiresInSeconds, 60);
      assert.match(await page(lastOpened()), /alice-jupyterlab/);
    });

    it('refuses lifetimes out of range in its input boxes', async () => {
      prompter.script({ pick: 'Studio home' }, { input: '' }, { input: '301' });
      await vscode.commands.executeCommand('sagemaker.openWithOptions', await alice());
      assert.match(prompter.problems.join('\n'), /rejected "301": The URL lifetime must be a whole number of seconds from 5 to 300/);
      // The rejected input was the point of this test; errors derive from messages.
      prompter.problems.length = 0;
      prompter.messages.length = 0;
      assert.deepEqual(prompter.errors, []);
    });
  });

  describe('Copy as AWS CLI Command', () => {
    it('copies the command for a space node', async () => {
      await vscode.commands.executeCommand('sagemaker.copyCliCommand', await aliceLab());
      const line = await vscode.env.clipboard.readText();
      assert.match(line, /^aws sagemaker create-presigned-domain-url /);
      assert.match(line, /--domain-id d-7kx2hq9mzp4a/);
      assert.match(line, /--user-profile-name alice/);
      assert.match(line, /--space-name alice-jupyterlab/);
      assert.match(line, /--region us-east-1/);
      assert.match(line, /--session-expiration-duration-in-seconds 43200/);
    });

    it('copies the command for a notebook instance asked for in the palette', async () => {
      prompter.script({ pick: 'Notebook instance' }, { pick: 'fraud-detection-dev' });
      await vscode.commands.executeCommand('sagemaker.copyCliCommand');
      const line = await vscode.env.clipboard.readText();
      assert.match(line, /^aws sagemaker create-presigned-notebook-instance-url /);
      assert.match(line, /--notebook-instance-name fraud-detection-dev/);
    });
  });

  describe('the palette asks each kind its own question', () => {
    it('"What to open" offers every kind in its words; a kind of a root group is then picked from its list, and the line is its operation', async () => {
      const cases = [
        { label: 'Notebook instance', row: 'fraud-detection-dev', title: 'Notebook instance (us-east-1)', placeholder: 'Select a notebook instance', line: /^aws sagemaker create-presigned-notebook-instance-url --notebook-instance-name fraud-detection-dev / },
        { label: 'MLflow tracking server', row: 'research-tracking', title: 'MLflow tracking server (us-east-1)', placeholder: 'Select an MLflow tracking server', line: /^aws sagemaker create-presigned-mlflow-tracking-server-url --tracking-server-name research-tracking / },
        { label: 'MLflow app', row: 'team-mlflow', title: 'MLflow app (us-east-1)', placeholder: 'Select an MLflow app', line: /^aws sagemaker create-presigned-mlflow-app-url --arn \S+:mlflow-app\// },
        { label: 'Partner AI app', row: 'cometml', title: 'Partner AI app (us-east-1)', placeholder: 'Select a partner AI app', line: /^aws sagemaker create-partner-app-presigned-url --arn \S+:partner-app\// },
      ];
      for (const c of cases) {
        prompter.clear();
        prompter.script({ pick: c.label }, { pick: c.row });
        await vscode.commands.executeCommand('sagemaker.copyCliCommand');
        prompter.assertDone();
        const [what, question] = prompter.picks;
        assert.deepEqual(
          what.items.map((i) => [i.label, i.description]),
          [
            ['Studio', "a user profile's SageMaker Studio"],
            ['Space', 'a Studio space (JupyterLab, Code Editor, ...)'],
            ['Notebook instance', 'a SageMaker notebook instance'],
            ['MLflow tracking server', 'its MLflow UI'],
            ['MLflow app', 'its MLflow UI'],
            ['Partner AI app', 'Comet, Deepchecks, Fiddler, Lakera Guard'],
          ],
        );
        assert.deepEqual([what.title, question.title, question.placeholder], ['What to open', c.title, c.placeholder]);
        // The MLflow group holds two kinds: each question offers its own kind's rows only.
        assert.ok(question.items.every((i) => i.label !== 'team-mlflow') || c.label === 'MLflow app', `${c.label}: no MLflow app offered`);
        assert.ok(question.items.every((i) => i.label !== 'research-tracking') || c.label === 'MLflow tracking server', `${c.label}: no tracking server offered`);
        assert.match(await vscode.env.clipboard.readText(), c.line);
      }
    });
  });

  describe('Copy ID / Copy ARN', () => {
    it('copies the ID of a domain node and the ARN of a notebook instance node', async () => {
      await vscode.commands.executeCommand('sagemaker.copyId', await nodeAt(api(), 'Studio Domains', 'ml-platform'));
      assert.equal(await vscode.env.clipboard.readText(), 'd-7kx2hq9mzp4a');
      await vscode.commands.executeCommand('sagemaker.copyArn', await fraud());
      assert.match(await vscode.env.clipboard.readText(), /^arn:aws:sagemaker:us-east-1:\d{12}:notebook-instance\/fraud-detection-dev$/);
    });

    it('asks what to copy from in the palette', async () => {
      prompter.script({ pick: 'Space' }, { pick: 'ml-platform' }, { pick: 'alice' }, { pick: 'Alice Code Editor' });
      await vscode.commands.executeCommand('sagemaker.copyId');
      assert.equal(await vscode.env.clipboard.readText(), 'alice-code-editor');
      prompter.script({ pick: 'Studio domain' }, { pick: 'research-lab' });
      await vscode.commands.executeCommand('sagemaker.copyArn');
      assert.match(await vscode.env.clipboard.readText(), /^arn:aws:sagemaker:us-east-1:\d{12}:domain\/d-3bq8wn5tfk1c$/);
      // A user profile's row opens Studio: the pick asks for Studio's domain and profile, and copies the profile's name.
      prompter.script({ pick: 'User profile' }, { pick: 'ml-platform' }, { pick: 'bob' });
      await vscode.commands.executeCommand('sagemaker.copyId');
      assert.equal(await vscode.env.clipboard.readText(), 'bob');
    });
  });

  describe('Start / Stop', () => {
    it('starts a stopped notebook instance node; its node follows the state', async () => {
      const node = await nodeAt(api(), 'Notebook Instances', 'churn-model-training');
      assert.equal((await item(api(), node)).contextValue, 'sagemaker.notebook.stopped');
      await vscode.commands.executeCommand('sagemaker.start', node);
      assert.equal((await item(api(), node)).contextValue, 'sagemaker.notebook.running');
      assert.match(String((await item(api(), node)).description), /^InService · ml\.m5\.xlarge · since /);
    });

    it('stops a notebook instance asked for in the palette', async () => {
      prompter.script({ pick: 'Notebook instance' }, { pick: 'churn-model-training' });
      await vscode.commands.executeCommand('sagemaker.stop');
      const node = await nodeAt(api(), 'Notebook Instances', 'churn-model-training');
      assert.equal((await item(api(), node)).contextValue, 'sagemaker.notebook.stopped');
    });

    it('starts a space whose app is stopped, then stops it from the palette', async () => {
      const node = await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice', 'Alice Code Editor');
      assert.equal((await item(api(), node)).contextValue, 'sagemaker.space.stopped');
      await vscode.commands.executeCommand('sagemaker.start', node);
      assert.equal((await item(api(), node)).contextValue, 'sagemaker.space.running');
      prompter.script({ pick: 'Space' }, { pick: 'ml-platform' }, { pick: 'alice' }, { pick: 'Alice Code Editor' });
      await vscode.commands.executeCommand('sagemaker.stop');
      assert.equal((await item(api(), node)).contextValue, 'sagemaker.space.stopped');
    });

    it('starts a space asked for in the palette, and stops it from its node', async () => {
      prompter.script({ pick: 'Space' }, { pick: 'ml-platform' }, { pick: 'bob' }, { pick: 'Shared Code Review' });
      await vscode.commands.executeCommand('sagemaker.start');
      const node = await nodeAt(api(), 'Studio Domains', 'ml-platform', 'bob', 'Shared Code Review');
      assert.equal((await item(api(), node)).contextValue, 'sagemaker.space.running');
      await vscode.commands.executeCommand('sagemaker.stop', node);
      assert.equal((await item(api(), node)).contextValue, 'sagemaker.space.stopped');
    });

    it('starts a notebook instance asked for in the palette, and stops it from its node', async () => {
      prompter.script({ pick: 'Notebook instance' }, { pick: 'churn-model-training' });
      await vscode.commands.executeCommand('sagemaker.start');
      const node = await nodeAt(api(), 'Notebook Instances', 'churn-model-training');
      assert.equal((await item(api(), node)).contextValue, 'sagemaker.notebook.running');
      await vscode.commands.executeCommand('sagemaker.stop', node);
      assert.equal((await item(api(), node)).contextValue, 'sagemaker.notebook.stopped');
    });

    it('offers to start a stopped notebook instance on open, and opens it when ready', async () => {
      const node = await nodeAt(api(), 'Notebook Instances', 'nlp-experiments');
      prompter.script({ button: 'Start and Open' });
      await vscode.commands.executeCommand('sagemaker.openNotebookJupyterLab', node);
      const question = prompter.messages.find((m) => m.modal);
      assert.match(question?.text ?? '', /notebook instance nlp-experiments is Stopped\. Start it/);
      assert.equal((await item(api(), node)).contextValue, 'sagemaker.notebook.running');
      assert.match(await page(lastOpened()), /nlp-experiments/);
    });

    it('offers to start a space whose app is stopped on open, and opens it when it runs', async () => {
      const node = await nodeAt(api(), 'Studio Domains', 'ml-platform', 'dave-data-eng', 'Shared Code Review');
      assert.equal((await item(api(), node)).contextValue, 'sagemaker.space.stopped');
      prompter.script({ button: 'Start and Open' });
      await vscode.commands.executeCommand('sagemaker.openSpace', node);
      assert.match(prompter.messages.find((m) => m.modal)?.text ?? '', /space Shared Code Review is Stopped\. Start it/);
      assert.equal((await item(api(), node)).contextValue, 'sagemaker.space.running');
      assert.match(await page(lastOpened()), /shared-code-review/);
      await vscode.commands.executeCommand('sagemaker.stop', node);
    });

    it('does not open a stopped one when the user declines to start it', async () => {
      const node = await nodeAt(api(), 'Notebook Instances', 'churn-model-training');
      await vscode.commands.executeCommand('sagemaker.openNotebookJupyterLab', node);
      assert.equal(prompter.opened.length, 0);
      prompter.problems.length = 0; // the question was left unanswered on purpose
    });
  });

  describe('view commands', () => {
    it('refreshes one node (sagemaker.refreshNode) with a new listing', async () => {
      const domains = await nodeAt(api(), 'Studio Domains');
      const before = await callCount('ListDomains');
      await vscode.commands.executeCommand('sagemaker.refreshNode', domains);
      await children(api(), domains);
      assert.equal((await callCount('ListDomains')) - before, 1);
    });

    it('refreshes the whole view (sagemaker.refresh)', async () => {
      const before = await callCount('ListNotebookInstances');
      await vscode.commands.executeCommand('sagemaker.refresh');
      await children(api(), await nodeAt(api(), 'Notebook Instances'));
      assert.ok((await callCount('ListNotebookInstances')) > before);
    });

    it('filters by name from an input box and a pick of the lists (each saying how it is filtered), and clears the filter', async () => {
      prompter.script({ input: 'gpu' }, { pickMany: ['Notebook instances'] });
      await vscode.commands.executeCommand('sagemaker.filter');
      assert.equal(api().services.tree.filter, 'gpu');
      assert.equal(api().services.treeView.description, 'filter: gpu (notebook instances)');
      const lists = prompter.picks[0].items;
      assert.deepEqual(lists.map((i) => i.label).slice(0, 4), ['Studio domains', 'User profiles', 'Spaces', 'Notebook instances']);
      assert.equal(lists.find((i) => i.label === 'User profiles')?.description, 'by SageMaker (UserProfileNameContains)');
      assert.equal(lists.find((i) => i.label === 'Spaces')?.description, 'by SageMaker (SpaceNameContains)');
      assert.equal(lists.find((i) => i.label === 'Notebook instances')?.description, 'by SageMaker (NameContains)');
      assert.equal(lists.find((i) => i.label === 'Studio domains')?.description, 'only the rows loaded (the API has no name filter)');
      // First time: user profiles and notebook instances are chosen already, domains and spaces are not.
      assert.deepEqual(lists.filter((i) => i.picked).map((i) => i.label).slice(0, 2), ['User profiles', 'Notebook instances']);
      const kids = await children(api(), await nodeAt(api(), 'Notebook Instances'));
      assert.equal(kids?.length, 1);
      await vscode.commands.executeCommand('sagemaker.clearFilter');
      assert.equal(api().services.tree.filter, undefined);
      api().services.tree.setFilter(undefined, ['userProfiles', 'notebooks']);
    });

    it('selects regions with a multi-select pick, writing sagemaker.regions', async () => {
      prompter.script({ pickMany: ['us-east-1', 'eu-west-1'] });
      await vscode.commands.executeCommand('sagemaker.selectRegions');
      assert.deepEqual(vscode.workspace.getConfiguration('sagemaker').get('regions'), ['us-east-1', 'eu-west-1']);
      await resetSettings();
    });

    it('selects an AWS profile from the user\'s config files, writing sagemaker.profile', async () => {
      prompter.script({ pick: 'Default credential chain' });
      await vscode.commands.executeCommand('sagemaker.selectProfile');
      assert.equal(vscode.workspace.getConfiguration('sagemaker').get('profile'), '');
      assert.equal(prompter.picks[0].items[0].label, 'Default credential chain');
    });

    it('opens the settings and shows the log', async () => {
      await vscode.commands.executeCommand('sagemaker.openSettings');
      await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab?.label === 'Settings', 'the Settings editor is open');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.commands.executeCommand('sagemaker.showLog');
    });
  });
});
