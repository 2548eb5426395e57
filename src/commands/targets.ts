import type { Domain, NotebookInstance, Page, Space, UserProfile } from '../aws/index';
import type { ExtensionServices } from '../context';
import { UserFacingError } from '../errors';
import type { PickItem, PickRequest } from '../prompter';
import { icon, joinDescription, notebookCodicon, spaceCodicon, toneOf } from '../tree/presentation';
import { MlflowAppNode, NotebookNode, PartnerAppNode, SpaceNode, TrackingServerNode, UserProfileNode, type Node } from '../tree/nodes';
import { askKindTarget, describeKindTarget, type KindTarget } from './kinds';

/** Something a presigned URL can be made for, with what the URL request needs. */
export type UrlTarget =
  | { readonly kind: 'studio'; readonly region: string; readonly domain: Domain; readonly userProfileName: string }
  | { readonly kind: 'space'; readonly region: string; readonly domain: Domain; readonly space: Space; readonly userProfileName: string }
  | { readonly kind: 'notebook'; readonly region: string; readonly notebook: NotebookInstance }
  | KindTarget;

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

export function targetFromNode(node: Node | undefined): UrlTarget | undefined {
  if (node instanceof UserProfileNode) {
    return { kind: 'studio', region: node.region, domain: node.domain, userProfileName: node.profile.userProfileName };
  }
  if (node instanceof SpaceNode) {
    return { kind: 'space', region: node.region, domain: node.domain, space: node.space, userProfileName: node.userProfileName };
  }
  if (node instanceof NotebookNode) {
    return { kind: 'notebook', region: node.region, notebook: node.notebook };
  }
  if (node instanceof TrackingServerNode) {
    return { kind: 'mlflowTrackingServer', region: node.region, server: node.server };
  }
  if (node instanceof MlflowAppNode) {
    return { kind: 'mlflowApp', region: node.region, app: node.app };
  }
  if (node instanceof PartnerAppNode) {
    return { kind: 'partnerApp', region: node.region, app: node.app };
  }
  return undefined;
}

/** Every page of a listing, fetched while the quick pick shows busy; stops when the pick closes. */
function pages<T>(
  list: (nextToken: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  toItem: (t: T) => PickItem<T>,
): (signal: AbortSignal) => AsyncIterable<PickItem<T>[]> {
  return async function* (signal: AbortSignal) {
    let token: string | undefined;
    do {
      const page = await list(token, signal);
      yield page.items.map(toItem);
      token = page.nextToken;
    } while (token && !signal.aborted);
  };
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

export async function pickDomain(s: ExtensionServices, region: string): Promise<Domain | undefined> {
  const access = s.session.access();
  return ask(s, {
    title: `Studio domain (${region})`,
    placeholder: 'Select a domain',
    items: pages(
      (nextToken, signal) => access.listDomains(region, { nextToken, maxResults: 100, signal }),
      (d) => ({ label: d.domainName || d.domainId, description: joinDescription([d.status, d.domainId]), value: d, iconPath: icon('organization', toneOf(d.status)) }),
    ),
  });
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

export async function pickUserProfile(s: ExtensionServices, domain: Domain): Promise<UserProfile | undefined> {
  const access = s.session.access();
  return ask(s, {
    title: `User profile in ${domain.domainName}`,
    placeholder:
      domain.authMode === 'SSO'
        ? `${domain.domainName} signs in through IAM Identity Center: it opens at the domain's own URL (no presigned URL); select a user profile`
        : 'Select a user profile',
    items: pages(
      (nextToken, signal) => access.listUserProfiles(domain.region, domain.domainId, { nextToken, maxResults: 100, signal }),
      (u) => ({ label: u.userProfileName, description: u.status, value: u, iconPath: icon('account') }),
    ),
  });
}

export async function pickSpace(s: ExtensionServices, domain: Domain, userProfileName: string): Promise<Space | undefined> {
  const access = s.session.access();
  return ask(s, {
    title: `Space for ${userProfileName} in ${domain.domainName}`,
    placeholder: 'Select a space',
    items: pages(
      (nextToken, signal) => access.listSpacesFor(domain.region, domain.domainId, userProfileName, { nextToken, maxResults: 100, signal }),
      (sp) => ({
        label: sp.spaceDisplayName || sp.spaceName,
        description: joinDescription([sp.app?.appType ?? sp.appType, sp.sharingType, sp.appState]),
        value: sp,
        iconPath: icon(spaceCodicon(sp.app?.appType ?? sp.appType), toneOf(sp.appState)),
      }),
    ),
  });
}

export async function pickNotebook(s: ExtensionServices, region: string): Promise<NotebookInstance | undefined> {
  const access = s.session.access();
  return ask(s, {
    title: `Notebook instance (${region})`,
    placeholder: 'Select a notebook instance',
    items: pages(
      (nextToken, signal) => access.listNotebookInstances(region, { nextToken, maxResults: 100, signal }),
      (n) => ({
        label: n.notebookInstanceName,
        description: joinDescription([n.status, n.instanceType]),
        value: n,
        iconPath: icon(notebookCodicon(n.status), toneOf(n.status)),
      }),
    ),
  });
}

/** region → domain → user profile (→ space), or region → notebook instance / tracking server / MLflow app / partner app. */
export async function askTarget(s: ExtensionServices, kind: TargetKind): Promise<UrlTarget | undefined> {
  const region = await pickRegion(s);
  if (!region) {
    return undefined;
  }
  if (kind === 'notebook') {
    const notebook = await pickNotebook(s, region);
    return notebook && { kind, region, notebook };
  }
  if (kind === 'mlflowTrackingServer' || kind === 'mlflowApp' || kind === 'partnerApp') {
    return askKindTarget(s, kind, region);
  }
  const picked = await pickDomain(s, region);
  if (!picked) {
    return undefined;
  }
  const domain = await withAuthMode(s, picked);
  const profile = await pickUserProfile(s, domain);
  if (!profile) {
    return undefined;
  }
  if (kind === 'studio') {
    return { kind, region, domain, userProfileName: profile.userProfileName };
  }
  const space = await pickSpace(s, domain, profile.userProfileName);
  if (!space) {
    return undefined;
  }
  const owner = space.sharingType === 'Private' && space.ownerUserProfileName ? space.ownerUserProfileName : profile.userProfileName;
  return { kind, region, domain, space, userProfileName: owner };
}

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
