/** A partner AI app, as data: what the last-known tree keeps of it and its link (it has no start or stop). */
import type { PartnerApp } from '../aws/index';
import { FIELD_RULES, type ResourceSpec, type TargetSpec } from './kind';

export const partnerAppResource: ResourceSpec<'partnerApp'> = {
  kind: 'partnerApp',
  label: 'Partner AI app',
  opens: 'partnerApp',
  stored: {
    region: ['text', true],
    name: ['text', true],
    arn: ['text', true],
    type: ['text', false],
    status: ['text', false],
    version: ['text', false],
    tier: ['text', false],
    creationTime: ['date', false],
    lastModifiedTime: ['date', false],
  },
};

export interface PartnerAppTarget {
  readonly kind: 'partnerApp';
  readonly region: string;
  readonly app: PartnerApp;
}

export const partnerAppTarget: TargetSpec<'partnerApp'> = {
  kind: 'partnerApp',
  label: 'Partner AI app',
  palette: { about: 'Comet, Deepchecks, Fiddler, Lakera Guard', icon: 'plug', select: 'Select a partner AI app' },
  keys: { arn: FIELD_RULES.PartnerAppArn },
  describe: (r, n) => `partner AI app ${n?.displayName ?? r.arn}`,
  name: (t) => `partner AI app ${t.app.name}`,
  urlCall: (t) => ({ operation: 'CreatePartnerAppPresignedUrl', arn: t.app.arn }),
  // Named by ARN in the API: its "ID" is the ARN too.
  copy: (t) => ({ id: t.app.arn, arn: t.app.arn, what: `partner AI app ${t.app.name}` }),
  toRef: (t) => ({ ref: { kind: 'partnerApp', region: t.region, arn: t.app.arn }, names: { displayName: t.app.name } }),
  // DescribePartnerApp: whether it exists.
  fromRef: async (access, ref) => ({ kind: 'partnerApp', region: ref.region, app: await access.describePartnerApp(ref.region, ref.arn!) }),
};

declare module './kind' {
  interface ResourceKinds {
    partnerApp: PartnerApp;
  }
  interface TargetKinds {
    partnerApp: PartnerAppTarget;
  }
}
