/** A Studio domain, as data: what the last-known tree keeps of it. It opens nothing itself (its user profiles do). */
import type { Domain } from '../aws/index';
import type { ResourceSpec } from './kind';

export const domainResource: ResourceSpec<'domain'> = {
  kind: 'domain',
  label: 'Studio domain',
  stored: {
    region: ['text', true],
    domainId: ['text', true],
    domainName: ['text', true],
    domainArn: ['text', false],
    status: ['text', false],
    authMode: [['IAM', 'SSO'], false],
    creationTime: ['date', false],
    lastModifiedTime: ['date', false],
  },
};

/** The domain's name when it is known (a domain opened from a link stands in with its ID). */
export function knownDomainName(d: Domain): string | undefined {
  return d.domainName && d.domainName !== d.domainId ? d.domainName : undefined;
}

/** A domain a link names, known only by its ID (and the name Open Recent kept). */
export function domainOfRef(ref: { readonly region: string; readonly domain?: string }, domainName?: string): Domain {
  return { region: ref.region, domainId: ref.domain!, domainName: domainName || ref.domain! };
}

/** A link's domain in words: "my-domain (d-abc)" when its name is known, else its ID. */
export function domainPart(ref: { readonly domain?: string }, domainName?: string): string {
  return domainName && domainName !== ref.domain ? `${domainName} (${ref.domain})` : `${ref.domain}`;
}

declare module './kind' {
  interface ResourceKinds {
    domain: Domain;
  }
}
