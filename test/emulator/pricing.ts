/**
 * The AWS Price List Query API (service `pricing`, target prefix `AWSPriceListService`), as far as
 * the extension uses it: `GetProducts` for `ServiceCode: AmazonSageMaker`, with its filters and
 * paging, validated against test/reference/pricing-api-model.json. The same emulator address
 * answers it, so a client reaches it the standard way (`AWS_ENDPOINT_URL_PRICING`, or the custom
 * endpoint it is given); requests are signed for the `pricing` service.
 *
 * What a product looks like, from AWS's documentation:
 * - Each `PriceList` entry is one product's JSON as in a service price list file: `product`
 *   (`sku`, `productFamily`, `attributes`), `serviceCode`, `terms.OnDemand.<offer>.priceDimensions
 *   .<rate>` with `unit`, `pricePerUnit.USD`, `description` (AWS Billing User Guide, "Reading the
 *   service price list file for an AWS service",
 *   https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/reading-service-price-list-file-for-services.html).
 * - Filters name product attributes (`TERM_MATCH` on an attribute such as `regionCode` or
 *   `location`) and the endpoint is only in us-east-1, eu-central-1 and ap-south-1 (AWS Billing
 *   User Guide, "Finding services and products using AWS Price List Query API",
 *   https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/using-price-list-query-api.html).
 * - SageMaker's ML instance products carry `servicecode`, `servicename`, `location`,
 *   `locationType`, `regionCode`, `instanceName` (the ML instance type, e.g. ml.g5.xlarge),
 *   `instanceType` (the type with a suffix naming what it is billed for), `component` (Studio,
 *   notebook instance, training, hosting), `computeType`, `vCpu`, `memory`, `gpu`, `usagetype`
 *   and `operation` (`RunInstance`, the line a SageMaker bill shows); `productFamily` "ML
 *   Instance". The component values here are the ones users filter on publicly; the extension
 *   matches them loosely, so a renamed component still finds a price.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ApiModel, apiModelPath } from './api-model';
import { ServiceError } from './errors';
import type { Input, Operations, Output } from './context';
import { num, str } from './values';

export const PRICING_TARGET_PREFIX = 'AWSPriceListService';

/** The Price List model, next to the SageMaker one in test/reference/. */
export function loadPricingModel(): ApiModel {
  const file = path.join(path.dirname(apiModelPath()), 'pricing-api-model.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ApiModel;
}

/** An ML instance type's hardware and its us-east-1 on-demand price per hour for a notebook instance. */
interface InstanceSpec {
  vCpu: number;
  memoryGiB: number;
  gpu: number;
  usd: number;
}

/** The instance types the demo and large accounts run, with round figures close to the public prices. */
const INSTANCES: Record<string, InstanceSpec> = {
  'ml.t2.medium': { vCpu: 2, memoryGiB: 4, gpu: 0, usd: 0.0464 },
  'ml.t3.medium': { vCpu: 2, memoryGiB: 4, gpu: 0, usd: 0.05 },
  'ml.t3.large': { vCpu: 2, memoryGiB: 8, gpu: 0, usd: 0.1 },
  'ml.m5.large': { vCpu: 2, memoryGiB: 8, gpu: 0, usd: 0.115 },
  'ml.m5.xlarge': { vCpu: 4, memoryGiB: 16, gpu: 0, usd: 0.23 },
  'ml.g4dn.xlarge': { vCpu: 4, memoryGiB: 16, gpu: 1, usd: 0.7364 },
  'ml.g5.xlarge': { vCpu: 4, memoryGiB: 16, gpu: 1, usd: 1.41 },
  'ml.g5.2xlarge': { vCpu: 8, memoryGiB: 32, gpu: 1, usd: 1.515 },
  'ml.p3.2xlarge': { vCpu: 8, memoryGiB: 61, gpu: 1, usd: 3.825 },
};

/** What an ML instance is billed for: its `component`, the suffix of its `instanceType` and usage type, and a price factor. */
const COMPONENTS = [
  { component: 'Notebook', suffix: 'Notebook', usage: 'Notebk', factor: 1 },
  { component: 'studio-jupyterlab', suffix: 'Studio', usage: 'Studio_JupyterLab', factor: 1 },
  { component: 'studio-codeeditor', suffix: 'Studio', usage: 'Studio_CodeEditor', factor: 1 },
  { component: 'Training', suffix: 'Training', usage: 'Train', factor: 1.1 },
  { component: 'Hosting', suffix: 'Hosting', usage: 'Host', factor: 1.15 },
] as const;

/** Region names and usage-type prefixes the price list uses; other regions cost 15% more than us-east-1 here. */
const REGIONS: Record<string, { location: string; prefix: string; factor: number }> = {
  'us-east-1': { location: 'US East (N. Virginia)', prefix: 'USE1', factor: 1 },
  'us-east-2': { location: 'US East (Ohio)', prefix: 'USE2', factor: 1 },
  'us-west-2': { location: 'US West (Oregon)', prefix: 'USW2', factor: 1 },
  'eu-west-1': { location: 'EU (Ireland)', prefix: 'EU', factor: 1.1 },
  'eu-central-1': { location: 'EU (Frankfurt)', prefix: 'EUC1', factor: 1.2 },
  'ap-south-1': { location: 'Asia Pacific (Mumbai)', prefix: 'APS3', factor: 1.05 },
};

const sku = (s: string): string => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  }
  return h.toString(36).toUpperCase().padStart(7, '0').slice(0, 16);
};

const PUBLICATION = '2026-11-01T00:00:00Z';

interface Product {
  attributes: Record<string, string>;
  json: string;
}

/** Every SageMaker ML instance product of the regions above: one per (type, component, region). */
function catalog(): Product[] {
  const out: Product[] = [];
  for (const [regionCode, r] of Object.entries(REGIONS)) {
    for (const [type, spec] of Object.entries(INSTANCES)) {
      for (const c of COMPONENTS) {
        const id = sku(`${regionCode}/${type}/${c.component}`);
        const usd = (spec.usd * r.factor * c.factor).toFixed(10);
        const attributes: Record<string, string> = {
          servicecode: 'AmazonSageMaker',
          servicename: 'Amazon SageMaker',
          location: r.location,
          locationType: 'AWS Region',
          regionCode,
          instanceName: type,
          instanceType: `${type}-${c.suffix}`,
          component: c.component,
          computeType: spec.gpu > 0 ? 'GPU' : 'CPU',
          vCpu: String(spec.vCpu),
          memory: `${spec.memoryGiB} GiB`,
          gpu: String(spec.gpu),
          usagetype: `${r.prefix}-${c.usage}:${type}`,
          operation: 'RunInstance',
        };
        const offer = `${id}.JRTCKXETXF`;
        const rate = `${offer}.6YS6EN2CT7`;
        const product = {
          product: { productFamily: 'ML Instance', attributes, sku: id },
          serviceCode: 'AmazonSageMaker',
          terms: {
            OnDemand: {
              [offer]: {
                priceDimensions: {
                  [rate]: {
                    unit: 'Hrs',
                    endRange: 'Inf',
                    description: `$${Number(usd).toFixed(4)} per hour for ${type} (${c.component}) in ${r.location}`,
                    appliesTo: [],
                    rateCode: rate,
                    beginRange: '0',
                    pricePerUnit: { USD: usd },
                  },
                },
                sku: id,
                effectiveDate: PUBLICATION,
                offerTermCode: 'JRTCKXETXF',
                termAttributes: {},
              },
            },
          },
          version: '20261101000000',
          publicationDate: PUBLICATION,
        };
        out.push({ attributes: { ...attributes, productFamily: 'ML Instance' }, json: JSON.stringify(product) });
      }
    }
  }
  return out;
}

const invalid = (message: string): ServiceError => new ServiceError('InvalidParameterException', message);

/** One filter of GetProducts on one product (field names match case-sensitively, as attribute names do). */
function matches(p: Product, f: { Type: string; Field: string; Value: string }): boolean {
  if (f.Field === 'ServiceCode') {
    return f.Value === 'AmazonSageMaker';
  }
  const v = p.attributes[f.Field];
  const values = f.Value.split(',').map((x) => x.trim());
  switch (f.Type) {
    case 'TERM_MATCH':
    case 'EQUALS':
      return v === f.Value;
    case 'CONTAINS':
      return v !== undefined && v.includes(f.Value);
    case 'ANY_OF':
      return v !== undefined && values.includes(v);
    case 'NONE_OF':
      return v === undefined || !values.includes(v);
    default:
      return false;
  }
}

/** The Price List service of the emulator: a fixed catalog, read-only. */
export class PricingService {
  private products: Product[] | undefined;
  readonly model = loadPricingModel();

  private all(): Product[] {
    this.products ??= catalog();
    return this.products;
  }

  readonly operations: Operations = {
    GetProducts: (_region: string, input: Input): Output => {
      const serviceCode = str(input.ServiceCode) ?? '';
      const format = str(input.FormatVersion) ?? 'aws_v1';
      if (format !== 'aws_v1') {
        throw invalid(`Invalid FormatVersion ${format}; valid values are: aws_v1`);
      }
      if (serviceCode !== 'AmazonSageMaker') {
        // The emulator holds SageMaker's price list only; any other service has no products here.
        return { FormatVersion: format, PriceList: [] };
      }
      const filters = (input.Filters ?? []) as { Type: string; Field: string; Value: string }[];
      const found = this.all().filter((p) => filters.every((f) => matches(p, f)));
      const size = num(input.MaxResults) ?? 100;
      const token = str(input.NextToken);
      const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^p:/, ''));
      if (!Number.isInteger(start) || start < 0 || start > found.length) {
        throw new ServiceError('InvalidNextTokenException', 'The pagination token is invalid. Try again without a pagination token.');
      }
      const end = Math.min(found.length, start + size);
      return {
        FormatVersion: format,
        PriceList: found.slice(start, end).map((p) => p.json),
        NextToken: end < found.length ? Buffer.from(`p:${end}`).toString('base64url') : undefined,
      };
    },
  };
}
