import type { Domain } from '../aws/index';
import type { ExtensionServices } from '../context';
import { UserFacingError } from '../errors';
import type { PickItem, PickRequest } from '../prompter';
import { TARGETS } from '../kinds/index';
import { domainsGroup, type DomainNode } from '../tree/domain';
import { ROOT_GROUPS } from '../tree/groups';
import { GroupNode, type GroupSpec } from '../tree/group';
import { isListNode, type Node } from '../tree/nodes';
import { icon } from '../tree/presentation';
import type { SpaceNode } from '../tree/space';
import type { UserProfileNode } from '../tree/userProfile';
import { listRows, type PickList } from './pickLists';

export type { UrlTarget } from '../tree/target';
import type { UrlTarget } from '../tree/target';

export type TargetKind = UrlTarget['kind'];

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
export function regionList(s: ExtensionServices, region: string, spec: GroupSpec): GroupNode {
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

/**
 * The palette's list of one kind in a region, when the kind is picked from a root group's list
 * (`GroupSpec.opens`): the group's rows, or those of that kind when the group lists more than one.
 * Undefined for Studio and a space, picked through a domain and a user profile.
 */
function kindList(s: ExtensionServices, kind: TargetKind, region: string): PickList | undefined {
  const spec = ROOT_GROUPS.find((g) => g.opens?.includes(kind));
  if (!spec) {
    return undefined;
  }
  const list = regionList(s, region, spec);
  return { list, ...spec.kindList?.(kind, list) };
}

/** region → the kind's row of a root group (notebook instance, tracking server, MLflow app, partner app), or region → domain → user profile (→ space). */
export async function askTarget(s: ExtensionServices, kind: TargetKind): Promise<UrlTarget | undefined> {
  const region = await pickRegion(s);
  if (!region) {
    return undefined;
  }
  const source = kindList(s, kind, region);
  if (source) {
    const { label, palette } = TARGETS[kind];
    const row = await pickRow(s, `${label} (${region})`, palette.select ?? `Select: ${label}`, source);
    return targetFromNode(row);
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
  // The chain stops at the row that opens the kind: the profile's (Studio), else a space's.
  const studio = profile.target();
  if (studio.kind === kind) {
    return { ...studio, domain } as UrlTarget;
  }
  const space = await pickSpace(s, profile);
  return space && ({ ...space.target(), domain } as UrlTarget);
}

/** The items of "What to open": each kind's label, with what its palette words say. */
function kindItems(kinds: readonly TargetKind[]): PickItem<TargetKind>[] {
  return Object.values(TARGETS)
    .filter((k) => kinds.includes(k.kind))
    .map((k) => ({ label: k.label, description: k.palette.about, value: k.kind, iconPath: icon(k.palette.icon) }));
}

/** The node the command was run on, or the target asked for in the palette (kind first when several fit). */
export async function resolveTarget(s: ExtensionServices, node: Node | undefined, kinds: readonly TargetKind[]): Promise<UrlTarget | undefined> {
  const fromNode = targetFromNode(node);
  if (fromNode && kinds.includes(fromNode.kind)) {
    return fromNode;
  }
  let kind: TargetKind | undefined = kinds[0];
  if (kinds.length > 1) {
    kind = await ask(s, { title: 'What to open', placeholder: 'Select what the URL is for', items: kindItems(kinds) });
  }
  return kind && askTarget(s, kind);
}
