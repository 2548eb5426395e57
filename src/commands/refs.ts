/**
 * A reference by names and IDs (EnvRef, src/links/kinds.ts) from what a URL is made for: what a link
 * and Open Recent keep. Here, below links/ and recent/, so the URL path can record Open Recent.
 */
import type { Domain } from '../aws/index';
import type { DisplayNames, EnvRef } from '../links/kinds';
import type { UrlTarget } from './targets';

/** A reference and the names to show for it. */
export interface NamedRef {
  readonly ref: EnvRef;
  readonly names: DisplayNames;
}

type TargetOf<K extends string> = Extract<UrlTarget, { kind: K }>;

/** The domain's name when it is known (a domain opened from a link stands in with its ID). */
const domainName = (d: Domain): string | undefined => (d.domainName && d.domainName !== d.domainId ? d.domainName : undefined);

const TO_REF: { [K in UrlTarget['kind']]: (t: TargetOf<K>) => NamedRef } = {
  studio: (t) => ({
    ref: { kind: 'studio', region: t.region, domain: t.domain.domainId, profile: t.userProfileName },
    names: { domainName: domainName(t.domain) },
  }),
  space: (t) => ({
    ref: { kind: 'space', region: t.region, domain: t.domain.domainId, profile: t.userProfileName, space: t.space.spaceName },
    names: { domainName: domainName(t.domain), displayName: t.space.spaceDisplayName },
  }),
  notebook: (t) => ({ ref: { kind: 'notebook', region: t.region, name: t.notebook.notebookInstanceName }, names: {} }),
  mlflowTrackingServer: (t) => ({ ref: { kind: 'mlflowTrackingServer', region: t.region, name: t.server.trackingServerName }, names: {} }),
  mlflowApp: (t) => ({ ref: { kind: 'mlflowApp', region: t.region, arn: t.app.arn }, names: { displayName: t.app.name } }),
  partnerApp: (t) => ({ ref: { kind: 'partnerApp', region: t.region, arn: t.app.arn }, names: { displayName: t.app.name } }),
};

/** The reference for a target, or undefined for a kind that has none yet. */
export function refFromTarget(t: UrlTarget): NamedRef | undefined {
  const make = (TO_REF as Record<string, ((t: UrlTarget) => NamedRef) | undefined>)[t.kind];
  return make?.(t);
}
