import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../harness/paths';
import { validateLandingUri } from '../../../src/aws/requestValues';

interface Property {
  scope?: string;
  pattern?: string;
}
interface Manifest {
  capabilities: { untrustedWorkspaces: { supported: string | boolean; restrictedConfigurations?: string[] } };
  contributes: {
    configuration: { properties: Record<string, Property> };
    viewsWelcome: { view: string; when: string; contents: string }[];
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const props = manifest.contributes.configuration.properties;

describe('package.json: settings a workspace must not choose', () => {
  // A folder's .vscode/settings.json must not decide where a session lands, how long it lasts or
  // whether a copied URL stays in the clipboard. `application` scope: only user settings, and
  // (unlike `machine`) also read from the user's settings in remote windows.
  const userOnly = [
    'sagemaker.presignedUrl.landingUri',
    'sagemaker.presignedUrl.expiresInSeconds',
    'sagemaker.presignedUrl.sessionExpirationDurationInSeconds',
    'sagemaker.clearClipboardOnExpiry',
  ];

  for (const key of userOnly) {
    it(`${key} is application-scoped and restricted in untrusted workspaces`, () => {
      assert.equal(props[key]?.scope, 'application', key);
      assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations?.includes(key), `${key} is not in restrictedConfigurations`);
    });
  }

  it('the connection settings stay machine-scoped and restricted', () => {
    for (const key of ['sagemaker.profile', 'sagemaker.regions', 'sagemaker.endpointUrl']) {
      assert.equal(props[key]?.scope, 'machine', key);
      assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations?.includes(key), key);
    }
  });

  it('the Session Manager plugin path (a program Connect with Remote SSH runs) is machine-scoped and restricted', () => {
    const key = 'sagemaker.remote.sessionManagerPluginPath';
    assert.equal(props[key]?.scope, 'machine', key);
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations?.includes(key), key);
  });

  it("the landing URI's schema pattern refuses what validateLandingUri refuses", () => {
    const pattern = new RegExp(props['sagemaker.presignedUrl.landingUri'].pattern ?? '', 'u');
    for (const bad of ['studio:://evil.com', 'app:JupyterLab:https://evil.com/x', 'app:JupyterLab:javascript:alert(1)', 'studio::/a/../b', 'studio::/a?b', 'studio::/a#b', 'app:JupyterLab:lab/tree/x"&calc&"', 'studio::a\nb']) {
      assert.equal(pattern.test(bad), false, bad);
      assert.notEqual(validateLandingUri(bad), undefined, bad);
    }
    for (const ok of ['studio::', 'app:JupyterLab:/lab/tree/work', 'studio::relative/path']) {
      assert.equal(pattern.test(ok), true, ok);
    }
  });
});

describe('package.json: welcome texts read as sentences', () => {
  for (const w of manifest.contributes.viewsWelcome) {
    it(w.when, () => {
      const prose = w.contents.split('\n').filter((line) => !/^\[.+\]\(command:[\w.]+(\?[^)]*)?\)$/.test(line)); // buttons, with or without arguments
      assert.ok(prose.length > 0, 'no text besides the buttons');
      for (const line of prose) {
        assert.match(line, /^[A-Z]/, `does not start a sentence: ${line}`);
        assert.match(line, /[^.][.…]$|[^.]\.$/, `does not end with one full stop or ellipsis: ${line}`);
        assert.doesNotMatch(line, /\.\./, `doubled full stop: ${line}`);
        // A sentence running into the next without a full stop: "... could not be listed The notification ...".
        assert.doesNotMatch(line, /\b[a-z]+ (The|This|That|It|A|An|Your|No|Sign|Choose|Use|Open|Show) /, `run-on sentence: ${line}`);
        for (const sentence of line.split(/(?<=[.…]) /)) {
          assert.match(sentence, /^[A-Z]/, `sentence does not start with a capital: "${sentence}"`);
        }
      }
    });
  }
});
