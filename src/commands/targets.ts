import type { Domain } from '../aws/index';
import type { ExtensionServices } from '../context';
import { UserFacingError } from '../errors';
import type { PickItem, PickRequest } from '../prompter';
import { domainsGroup, type DomainNode } from '../tree/domain';
import { GroupNode, type GroupSpec } from '../tree/group';
import { fetchMlflowKind, mlflowGroup } from '../tree/mlflow';
import { isListNode, type ListNode, type Node } from '../tree/nodes';
import { notebooksGroup } from '../tree/notebook';
import { partnerAppsGroup } from '../tree/partnerApp';
import { icon } from '../tree/presentation';
import type { SpaceNode } from '../tree/space';
import type { KindTarget } from '../tree/target';
import type { UserProfileNode } from '../tree/userProfile';
import { describeKindTarget } from './kinds';
import { listRows, type PickList } from './pickLists';

export type { UrlTarget } from '../tree/target';
import type { UrlTarget } from '../tree/target';

export type TargetKind = UrlTarget['kind'];

/** How a target is named in messages: 'Studio for alice (my-domain)', 'space "x"'... */
export function describeTarget(t: UrlTarget): string {
  switch (t.kind) {
    case 'studio':
      return `Studio for ${t.userProfileName} (${t.domain.domainName})`;
    case 'space':
      return `space ${t.space.spaceDisplayName || t.space.spaceName}`;
    case 'notebook':
      return `notebook instance ${t.notebook.notebookInstanceName}`;
    default:
      return describeKindTarget(t);
  }
}

/** What the row opens, as its kind says; undefined for a row that opens nothing. */
export function targetFromNode(node: Node | undefined): UrlTarget | undefined {
  return node && 'target' in node ? node.target() : undefined;
}

/** Asks one question; undefined means the user cancelled (commands then stop quietly). */
async function ask<T>(s: ExtensionServices, request: PickRequest<T>): Promise<T | undefined> {
  return s.prompter().pick(request);
}

export async function pickRegion(s: ExtensionServices): Promise<string | undefined> {
  const regions = await s.session.regions();
  if (regions.length === 0) {
    throw new UserFacingError('No AWS region is configured. Run "SageMaker: Select Regions…" or set a region in your AWS profile.');
  }
  if (regions.length === 1) {
    return regions[0];
  }
  return ask(s, {
    title: 'Region',
    placeholder: 'Select a region',
    items: regions.map((r) => ({ label: r, value: r, iconPath: icon('globe') })),
  });
}

/** A root group's list in a region: the tree's, when the tree shows that group now; else one for the pick alone. */
export function regionList(s: ExtensionServices, region: string, spec: GroupSpec): ListNode {
  return s.tree.groupFor(region, spec.group) ?? new GroupNode(region, spec, undefined);
}

/**
 * The tree's own row for a row read for a pick (the same id, in the tree's list when the tree
 * knows it): its lists, and what the tree learned of it, are then the tree's. Else the row itself.
 */
function knownRow<N extends Node>(s: ExtensionServices, n: N): N {
  const p = n.parent;
  if (!p || !isListNode(p) || p.listing.items.includes(n) || !s.tree.isKnown(p)) {
    return n;
  }
  return (p.listing.items.find((k) => k.id === n.id) as N | undefined) ?? n;
}

/** A row of a list, from a pick over the tree's rows (./pickLists.ts); undefined: cancelled. */
async function pickRow(s: ExtensionServices, title: string, placeholder: string, source: PickList): Promise<Node | undefined> {
  const n = await ask(s, { title, placeholder, items: listRows(s, source) });
  return n && knownRow(s, n);
}

async function pickDomainNode(s: ExtensionServices, region: string): Promise<DomainNode | undefined> {
  const n = await pickRow(s, `Studio domain (${region})`, 'Select a domain', { list: regionList(s, region, domainsGroup) });
  return n?.kind === 'domain' ? n : undefined;
}

export async function pickDomain(s: ExtensionServices, region: string): Promise<Domain | undefined> {
  return (await pickDomainNode(s, region))?.domain;
}

/**
 * The domain with its AuthMode (DescribeDomain; ListDomains does not say it), so an IAM Identity
 * Center domain is known as one before a URL is asked for. A failure leaves it unknown (logged):
 * a presign refused for that reason still explains itself.
 */
export async function withAuthMode(s: ExtensionServices, domain: Domain): Promise<Domain> {
  if (domain.authMode) {
    return domain;
  }
  try {
    // Not put into the tree here: a redraw while the next quick pick opens would close it.
    return { ...domain, ...(await s.session.access().describeDomain(domain.region, domain.domainId)) };
  } catch (e) {
    s.log.error(`Describing domain ${domain.domainName} (its sign-in mode stays unknown)`, e);
    return domain;
  }
}

const PROFILE_PLACEHOLDER = 'Select a user profile';

function ssoPlaceholder(domain: Domain): string {
  return `${domain.domainName} signs in through IAM Identity Center: it opens at the domain's own URL (no presigned URL); select a user profile`;
}

/**
 * The user profile pick. How the domain signs in is asked alongside the first page of profiles
 * (the domain's listing does it, into `described`), not before them; an IAM Identity Center
 * domain's placeholder says so once it is known.
 */
async function pickUserProfile(s: ExtensionServices, d: DomainNode, described: Promise<void>[]): Promise<UserProfileNode | undefined> {
  const rows = listRows(s, { list: d }, {
    alongside: described,
    settled: (updates) => {
      if (d.domain.authMode === 'SSO') {
        updates.placeholder(ssoPlaceholder(d.domain));
      }
    },
  });
  const n = await ask(s, {
    title: `User profile in ${d.domain.domainName}`,
    placeholder: d.domain.authMode === 'SSO' ? ssoPlaceholder(d.domain) : PROFILE_PLACEHOLDER,
    items: rows,
  });
  const row = n && knownRow(s, n);
  return row?.kind === 'userProfile' ? row : undefined;
}

/**
 * The spaces show as soon as ListSpaces answers (the profile's listing: the domain's first ListApps
 * page alongside, then the states still unknown, a few calls at a time); each item's state fills
 * in place. The pick is busy until every state is in; closing it (a pick or Escape) stops the
 * state calls of spaces read for it.
 */
async function pickSpace(s: ExtensionServices, profile: UserProfileNode): Promise<SpaceNode | undefined> {
  const n = await pickRow(s, `Space for ${profile.profile.userProfileName} in ${profile.domain.domainName}`, 'Select a space', { list: profile });
  return n?.kind === 'space' ? n : undefined;
}

/** The palette's list of one kind in a region: the group's rows of that kind. */
function kindList(s: ExtensionServices, kind: 'notebook' | KindTarget['kind'], region: string): PickList {
  if (kind === 'notebook') {
    return { list: regionList(s, region, notebooksGroup) };
  }
  if (kind === 'partnerApp') {
    return { list: regionList(s, region, partnerAppsGroup) };
  }
  const list = regionList(s, region, mlflowGroup) as GroupNode;
  return { list, accepts: (n) => n.kind === kind, fetch: (ctx) => fetchMlflowKind(kind, ctx, list) };
}

/** region → domain → user profile (→ space), or region → notebook instance / tracking server / MLflow app / partner app. */
export async function askTarget(s: ExtensionServices, kind: TargetKind): Promise<UrlTarget | undefined> {
  const region = await pickRegion(s);
  if (!region) {
    return undefined;
  }
  if (kind !== 'studio' && kind !== 'space') {
    const { title, placeholder } = KIND_QUESTIONS[kind];
    const row = await pickRow(s, `${title} (${region})`, placeholder, kindList(s, kind, region));
    return row && 'target' in row ? row.target() : undefined;
  }
  const domainRow = await pickDomainNode(s, region);
  if (!domainRow) {
    return undefined;
  }
  const described: Promise<void>[] = [];
  const profile = await pickUserProfile(s, domainRow, described);
  if (!profile) {
    return undefined;
  }
  // The sign-in mode, learned with the profiles (the tree's or the pick's); asked only if neither knows it.
  await Promise.all([...described, ...domainRow.listing.alongside]);
  const domain = await withAuthMode(s, domainRow.domain);
  if (kind === 'studio') {
    return { ...profile.target(), kind, domain } as UrlTarget;
  }
  const space = await pickSpace(s, profile);
  return space && ({ ...space.target(), kind, domain } as UrlTarget);
}

const KIND_QUESTIONS: Record<'notebook' | KindTarget['kind'], { title: string; placeholder: string }> = {
  notebook: { title: 'Notebook instance', placeholder: 'Select a notebook instance' },
  mlflowTrackingServer: { title: 'MLflow tracking server', placeholder: 'Select an MLflow tracking server' },
  mlflowApp: { title: 'MLflow app', placeholder: 'Select an MLflow app' },
  partnerApp: { title: 'Partner AI app', placeholder: 'Select a partner AI app' },
};

const KIND_ITEMS: readonly PickItem<TargetKind>[] = [
  { label: 'Studio', description: 'a user profile\'s SageMaker Studio', value: 'studio', iconPath: icon('account') },
  { label: 'Space', description: 'a Studio space (JupyterLab, Code Editor, ...)', value: 'space', iconPath: icon('notebook') },
  { label: 'Notebook instance', description: 'a SageMaker notebook instance', value: 'notebook', iconPath: icon('vm-running') },
  { label: 'MLflow tracking server', description: 'its MLflow UI', value: 'mlflowTrackingServer', iconPath: icon('beaker') },
  { label: 'MLflow app', description: 'its MLflow UI', value: 'mlflowApp', iconPath: icon('graph-line') },
  { label: 'Partner AI app', description: 'Comet, Deepchecks, Fiddler, Lakera Guard', value: 'partnerApp', iconPath: icon('plug') },
];

/** The node the command was run on, or the target asked for in the palette (kind first when several fit). */
export async function resolveTarget(s: ExtensionServices, node: Node | undefined, kinds: readonly TargetKind[]): Promise<UrlTarget | undefined> {
  const fromNode = targetFromNode(node);
  if (fromNode && kinds.includes(fromNode.kind)) {
    return fromNode;
  }
  let kind: TargetKind | undefined = kinds[0];
  if (kinds.length > 1) {
    kind = await ask(s, { title: 'What to open', placeholder: 'Select what the URL is for', items: KIND_ITEMS.filter((k) => kinds.includes(k.value)) });
  }
  return kind && askTarget(s, kind);
}
