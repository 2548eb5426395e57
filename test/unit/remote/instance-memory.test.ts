import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { instanceMemoryGiB, largerInstanceTypes, RECOMMENDED_MEMORY_GIB } from '../../../src/remote/instanceMemory';
import { repoRoot } from '../../harness/paths';

const model = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'reference', 'sagemaker-api-model.json'), 'utf8')) as { shapes: { AppInstanceType: { enum: string[] } } };

describe('remote/instanceMemory: which instance types are under 8 GiB, and what is offered instead', () => {
  it('knows the small ones and the families Studio offers', () => {
    assert.deepEqual(['ml.t3.medium', 'ml.t3.large', 'ml.m5.large', 'ml.c5.large', 'ml.r5.large', 'ml.g5.xlarge', 'system', undefined].map(instanceMemoryGiB), [4, 8, 8, 4, 16, 16, undefined, undefined]);
  });

  it('offers a few larger types, each valid for a space app (the API model\'s AppInstanceType) and with at least 8 GiB', () => {
    const offered = largerInstanceTypes('ml.t3.medium');
    assert.deepEqual(offered.map((o) => o.instanceType), ['ml.t3.large', 'ml.m5.large', 'ml.t3.xlarge', 'ml.m5.xlarge', 'ml.g5.xlarge']);
    for (const o of offered) {
      assert.ok(model.shapes.AppInstanceType.enum.includes(o.instanceType), `${o.instanceType} in AppInstanceType`);
      assert.ok(o.gib >= RECOMMENDED_MEMORY_GIB, o.instanceType);
      assert.equal(o.gib, instanceMemoryGiB(o.instanceType));
    }
    assert.ok(!largerInstanceTypes('ml.t3.large').some((o) => o.instanceType === 'ml.t3.large'), 'not the current one');
  });
});
