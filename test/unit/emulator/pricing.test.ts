/** The emulator's Price List API (GetProducts for AmazonSageMaker), through the real Pricing client over HTTP. */
import * as assert from 'node:assert/strict';
import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import type { RunningEmulator } from '../../emulator';
import { rejectsWith, signedFetch, useEmulator } from './helpers';

function pricing(emu: RunningEmulator, region = 'us-east-1'): PricingClient {
  return new PricingClient({ region, endpoint: emu.url, maxAttempts: 1, credentials: { accessKeyId: emu.accessKeyId, secretAccessKey: emu.secretAccessKey } });
}

interface Item {
  product: { productFamily: string; attributes: Record<string, string> };
  serviceCode: string;
  terms: { OnDemand: Record<string, { priceDimensions: Record<string, { unit: string; pricePerUnit: { USD: string } }> }> };
}
const parse = (s: unknown): Item => JSON.parse(String(s)) as Item;
const list = (out: { PriceList?: unknown[] }): unknown[] => out.PriceList ?? [];

describe('emulator/Price List API (GetProducts)', () => {
  const { emu } = useEmulator({ data: 'demo' });

  it("answers a SageMaker instance type's products in a region, with the price list's attributes and an hourly on-demand price", async () => {
    const out = await pricing(emu()).send(
      new GetProductsCommand({
        ServiceCode: 'AmazonSageMaker',
        FormatVersion: 'aws_v1',
        Filters: [
          { Type: 'TERM_MATCH', Field: 'regionCode', Value: 'us-east-1' },
          { Type: 'TERM_MATCH', Field: 'instanceName', Value: 'ml.g5.xlarge' },
        ],
      }),
    );
    assert.equal(out.FormatVersion, 'aws_v1');
    const items = list(out).map(parse);
    assert.ok(items.length >= 2, 'one product per component (Studio, notebook instance, ...)');
    for (const i of items) {
      const a = i.product.attributes;
      assert.equal(i.serviceCode, 'AmazonSageMaker');
      assert.equal(i.product.productFamily, 'ML Instance');
      assert.equal(a.regionCode, 'us-east-1');
      assert.equal(a.location, 'US East (N. Virginia)');
      assert.equal(a.instanceName, 'ml.g5.xlarge');
      assert.match(a.instanceType, /^ml\.g5\.xlarge-/);
      assert.equal(a.operation, 'RunInstance');
      assert.ok(a.component && a.usagetype && a.vCpu && a.memory && a.gpu === '1');
      const dims = Object.values(i.terms.OnDemand).flatMap((t) => Object.values(t.priceDimensions));
      assert.equal(dims[0].unit, 'Hrs');
      assert.ok(Number(dims[0].pricePerUnit.USD) > 1, dims[0].pricePerUnit.USD);
    }
    const studio = items.find((i) => /studio/i.test(i.product.attributes.component));
    assert.ok(studio, 'a Studio product');
  });

  it('pages with NextToken and filters with ANY_OF / NONE_OF / CONTAINS', async () => {
    const c = pricing(emu());
    const all = [];
    let token: string | undefined;
    do {
      const out = await c.send(
        new GetProductsCommand({ ServiceCode: 'AmazonSageMaker', Filters: [{ Type: 'TERM_MATCH', Field: 'regionCode', Value: 'eu-west-1' }], MaxResults: 7, NextToken: token }),
      );
      assert.ok(list(out).length <= 7);
      all.push(...list(out).map(parse));
      token = out.NextToken;
    } while (token);
    assert.ok(all.length > 7);
    assert.ok(all.every((i) => i.product.attributes.regionCode === 'eu-west-1'));
    const anyOf = await c.send(new GetProductsCommand({ ServiceCode: 'AmazonSageMaker', Filters: [{ Type: 'ANY_OF', Field: 'instanceName', Value: 'ml.t3.medium,ml.m5.large' }, { Type: 'NONE_OF', Field: 'component', Value: 'Training,Hosting' }, { Type: 'CONTAINS', Field: 'location', Value: 'Ireland' }] }));
    const names = new Set(list(anyOf).map((p) => parse(p).product.attributes.instanceName));
    assert.deepEqual([...names].sort(), ['ml.m5.large', 'ml.t3.medium']);
    assert.ok(list(anyOf).every((p) => !['Training', 'Hosting'].includes(parse(p).product.attributes.component)));
  });

  it('has no products for an instance type it does not know, and refuses a request without ServiceCode', async () => {
    const out = await pricing(emu()).send(new GetProductsCommand({ ServiceCode: 'AmazonSageMaker', Filters: [{ Type: 'TERM_MATCH', Field: 'instanceName', Value: 'ml.nope.large' }] }));
    assert.deepEqual(out.PriceList, []);
    const r = await signedFetch(emu(), { target: 'AWSPriceListService.GetProducts', body: '{}', service: 'pricing' });
    assert.equal(r.status, 400);
    assert.match(r.text, /ValidationException.*serviceCode/i);
  });

  it('is signed for the pricing service: a request signed for sagemaker is refused', async () => {
    const r = await signedFetch(emu(), { target: 'AWSPriceListService.GetProducts', body: '{"ServiceCode":"AmazonSageMaker"}', service: 'sagemaker' });
    assert.equal(r.status, 400, r.text);
    assert.match(r.text, /InvalidSignatureException.*scoped to correct service: 'pricing'/);
  });

  it('applies faults to it as to SageMaker calls: access denied names pricing:GetProducts', async () => {
    emu().setFault({ operation: 'GetProducts', kind: 'accessDenied' });
    try {
      await rejectsWith(pricing(emu()).send(new GetProductsCommand({ ServiceCode: 'AmazonSageMaker' })), 'AccessDeniedException', /pricing:GetProducts/);
    } finally {
      emu().clearFaults();
    }
  });
});
