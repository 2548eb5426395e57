/**
 * A reference by names and IDs (EnvRef, src/links/kinds.ts) from what a URL is made for: what a link
 * and Open Recent keep. Here, below links/ and recent/, so the URL path can record Open Recent.
 * Each kind says its own (`toRef`, src/kinds/<kind>.ts).
 */
import { targetSpec, type NamedRef } from '../kinds/index';
import type { UrlTarget } from './targets';

export type { NamedRef } from '../kinds/index';

/** The reference for a target, or undefined for a kind that has none. */
export function refFromTarget(t: UrlTarget): NamedRef | undefined {
  return targetSpec(t)?.toRef(t);
}
