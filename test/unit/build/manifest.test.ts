import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_IDS } from '../../../src/commands/ids';
import { repoRoot } from '../../harness/paths';

/** The names docs/architecture.md fixes as a contract, checked against what the manifest declares. */
interface Manifest {
  name: string;
  displayName: string;
  main: string;
  engines: { vscode: string };
  activationEvents?: string[];
  devDependencies: Record<string, string>;
  contributes: {
    viewsContainers: { activitybar: { id: string; title: string; icon: string }[] };
    views: Record<string, { id: string; name: string }[]>;
    commands: { command: string; title: string; category?: string }[];
    configuration?: { properties?: Record<string, unknown> } | { properties?: Record<string, unknown> }[];
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;

describe('package.json follows the names docs/architecture.md fixes', () => {
  it('is the extension "sagemaker-environments", shown as "SageMaker Environments"', () => {
    assert.equal(manifest.name, 'sagemaker-environments');
    assert.equal(manifest.displayName, 'SageMaker Environments');
  });

  it('has the activity-bar container "sagemaker" titled "SageMaker", with an icon file in media/', () => {
    const container = manifest.contributes.viewsContainers.activitybar.find((c) => c.id === 'sagemaker');
    assert.ok(container, 'no activity-bar container with id "sagemaker"');
    assert.equal(container.title, 'SageMaker');
    assert.match(container.icon, /^media\//);
    assert.ok(fs.existsSync(path.join(repoRoot, container.icon)), `icon ${container.icon} does not exist`);
  });

  it('has the view "sagemaker.resources" named "Resources" in that container', () => {
    const view = (manifest.contributes.views.sagemaker ?? []).find((v) => v.id === 'sagemaker.resources');
    assert.ok(view, 'no view "sagemaker.resources" in container "sagemaker"');
    assert.equal(view.name, 'Resources');
  });

  it('names every command sagemaker.* with category "SageMaker"', () => {
    assert.ok(manifest.contributes.commands.length > 0);
    for (const c of manifest.contributes.commands) {
      assert.match(c.command, /^sagemaker\.\w/, `command ${c.command}`);
      assert.equal(c.category, 'SageMaker', `category of ${c.command}`);
    }
  });

  it('registers at activation exactly the commands it contributes (src/commands/ids.ts; the handlers load on first use)', () => {
    assert.deepEqual([...COMMAND_IDS].sort(), manifest.contributes.commands.map((c) => c.command).sort());
  });

  it('names every setting sagemaker.*', () => {
    const sections = [manifest.contributes.configuration ?? []].flat();
    for (const key of sections.flatMap((s) => Object.keys(s.properties ?? {}))) {
      assert.match(key, /^sagemaker\./, `setting ${key}`);
    }
  });

  it('activates only on its view, its commands and its links (onUri), never on "*" or at start-up', () => {
    const events = manifest.activationEvents ?? [];
    for (const e of events) {
      assert.match(e, /^(onView:sagemaker\.|onCommand:sagemaker\.|onUri$)/, `activation event ${e}`);
    }
  });

  it('targets VS Code ^1.100.0 and pins @types/vscode to the same minor version', () => {
    assert.equal(manifest.engines.vscode, '^1.100.0');
    const types = manifest.devDependencies['@types/vscode'];
    assert.equal(types, '~1.100.0', '@types/vscode must match engines.vscode, or the code may use API the engine lacks');
  });

  it('runs the esbuild bundle', () => {
    assert.equal(manifest.main, './dist/extension.js');
  });
});
