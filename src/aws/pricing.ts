/**
 * The on-demand price per hour of an ML instance type in a region, from the AWS Price List Query
 * API (`pricing:GetProducts`, service code `AmazonSageMaker`), asked once per (type, region, kind)
 * and kept a day. Its endpoint is only in us-east-1, eu-central-1 and ap-south-1 (AWS Billing User
 * Guide, "Finding services and products using AWS Price List Query API"): the nearest one is asked.
 * Without the permission or an answer there is no price: the answer says why, once, for the log.
 */
import type { AwsCore } from './core';
import { AwsError } from './errors';

/** The regions the Price List Query API answers in. */
export const PRICING_ENDPOINT_REGIONS = ['us-east-1', 'eu-central-1', 'ap-south-1'] as const;

/** How long a price (or its absence) is kept. */
export const PRICE_TTL_MS = 24 * 3_600_000;

/** The Price List endpoint region nearest to a resource's region. */
export function pricingRegionFor(region: string): (typeof PRICING_ENDPOINT_REGIONS)[number] {
  if (/^(eu|me|af|il)-/.test(region)) {
    return 'eu-central-1';
  }
  if (/^ap-/.test(region)) {
    return 'ap-south-1';
  }
  return 'us-east-1';
}

/** What is billed: the product `component` a kind's instance is priced under, matched loosely. */
export type PricedKind = 'space' | 'notebook';
const COMPONENT: Record<PricedKind, RegExp> = { space: /studio/i, notebook: /notebook/i };

export interface PriceAnswer {
  /** USD per hour, on demand. */
  readonly usdPerHour?: number;
  /** Why there is none (denied, no product, no answer): for one log line. */
  readonly problem?: string;
}

export interface PricingAccess {
  /** The on-demand price of `instanceType` in `region`; never throws (a problem is in the answer). */
  instancePrice(region: string, instanceType: string, kind: PricedKind): Promise<PriceAnswer>;
}

interface PriceListItem {
  product?: { attributes?: Record<string, string> };
  terms?: { OnDemand?: Record<string, { priceDimensions?: Record<string, { unit?: string; pricePerUnit?: { USD?: string } }> }> };
}

/** The hourly USD price of one price list entry (a JSON string, or the SDK's parsed value). */
function hourlyUsd(item: PriceListItem): number | undefined {
  for (const term of Object.values(item.terms?.OnDemand ?? {})) {
    for (const d of Object.values(term.priceDimensions ?? {})) {
      const usd = Number(d.pricePerUnit?.USD);
      if (/^hrs?$/i.test(d.unit ?? '') && Number.isFinite(usd) && usd > 0) {
        return usd;
      }
    }
  }
  return undefined;
}

function parse(entry: unknown): PriceListItem | undefined {
  // A JSON string on the wire; the SDK may hand it over as its LazyJsonString, whose toString() is that text.
  const text = typeof entry === 'string' ? entry : entry instanceof Object && typeof entry.toString === 'function' ? (entry as { toString(): string }).toString() : undefined;
  try {
    const v: unknown = text === undefined ? undefined : JSON.parse(text);
    return typeof v === 'object' && v !== null ? v : undefined;
  } catch {
    return undefined;
  }
}

export function pricingAccess(core: AwsCore, now: () => number = Date.now): PricingAccess {
  const cache = new Map<string, { at: number; answer: Promise<PriceAnswer> }>();

  async function lookUp(region: string, instanceType: string, kind: PricedKind): Promise<PriceAnswer> {
    let priceList: unknown[];
    try {
      const out = await core.callPricing(pricingRegionFor(region), 'GetProducts', (c, sdk) =>
        c.send(
          new sdk.GetProductsCommand({
            ServiceCode: 'AmazonSageMaker',
            FormatVersion: 'aws_v1',
            Filters: [
              { Type: 'TERM_MATCH', Field: 'regionCode', Value: region },
              { Type: 'TERM_MATCH', Field: 'instanceName', Value: instanceType },
            ],
            MaxResults: 100,
          }),
        ),
      );
      priceList = (out.PriceList ?? []) as unknown[];
    } catch (e) {
      return { problem: `no price for ${instanceType} in ${region}: ${e instanceof AwsError ? e.userMessage : String(e)}` };
    }
    const items = priceList.map(parse).filter((x): x is PriceListItem => x !== undefined);
    // The product billed for this kind (Studio, notebook instance); else any hourly price of the type.
    const preferred = items.filter((i) => COMPONENT[kind].test(i.product?.attributes?.component ?? ''));
    for (const i of [...preferred, ...items]) {
      const usd = hourlyUsd(i);
      if (usd !== undefined) {
        return { usdPerHour: usd };
      }
    }
    return { problem: `no price for ${instanceType} in ${region}: the Price List API has no hourly on-demand product for it` };
  }

  return {
    instancePrice(region, instanceType, kind) {
      const key = JSON.stringify([region, instanceType, kind]);
      const hit = cache.get(key);
      if (hit && now() - hit.at < PRICE_TTL_MS) {
        return hit.answer;
      }
      const answer = lookUp(region, instanceType, kind);
      cache.set(key, { at: now(), answer });
      return answer;
    },
  };
}
