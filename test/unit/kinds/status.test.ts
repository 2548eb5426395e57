import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as status from '../../../src/kinds/status';

/** The status enums of every kind the tree shows, from the API model. */
const ENUMS = ['DomainStatus', 'UserProfileStatus', 'SpaceStatus', 'AppStatus', 'NotebookInstanceStatus', 'TrackingServerStatus', 'MlflowAppStatus', 'PartnerAppStatus'];

function enumWords(name: string): string[] {
  const file = path.join(__dirname, '../../../../test/reference/sagemaker-api-model.json');
  const model = JSON.parse(fs.readFileSync(file, 'utf8')) as { shapes?: Record<string, { enum?: string[] }> } & Record<string, { enum?: string[] }>;
  const shapes = model.shapes ?? model;
  const words = shapes[name]?.enum;
  assert.ok(words, `${name} is in the API model`);
  return words;
}

describe('tree/status: one status vocabulary for every kind', () => {
  it('a passing word is passing, shows busy and spins for every kind (Pending and Restarting included)', () => {
    for (const word of ['Pending', 'Restarting', 'Starting', 'Stopping', 'Updating', 'Deleting', 'Creating', 'MaintenanceInProgress']) {
      assert.equal(status.isPassing(word), true, word);
      assert.equal(status.toneOf(word), 'busy', `${word}: Studio and notebook rows`);
      assert.equal(status.kindTone(word), 'busy', `${word}: MLflow and partner app rows`);
      assert.equal(status.kindCodicon('beaker', word), 'loading~spin', word);
    }
  });

  it('every status word of the API model is passing, failed, off or running, the same way in both tone families', () => {
    for (const name of ENUMS) {
      for (const word of enumWords(name)) {
        const passing = status.isPassing(word);
        const failed = /Failed$|_Failed$/.test(word);
        if (passing) {
          assert.equal(status.kindTone(word), 'busy', `${name}.${word}`);
          assert.equal(status.toneOf(word), 'busy', `${name}.${word}`);
        }
        if (failed) {
          assert.equal(status.kindTone(word), 'bad', `${name}.${word}`);
          assert.equal(passing, false, `${name}.${word}`);
        }
      }
    }
  });
});
