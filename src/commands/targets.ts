import { callLimiter, openingProfile, STATE_CALLS_IN_FLIGHT, type Domain, type NotebookInstance, type Page, type Space, type UserProfile } from '../aws/index';
import type { ExtensionServices } from '../context';
import { UserFacingError } from '../errors';
import type { PickItem, PickRequest } from '../prompter';
import { icon, joinDescription, notebookCodicon, spaceCodicon, toneOf } from '../tree/presentation';
import type { Node } from '../tree/nodes';
import { askKindTarget, describeKindTarget } from './kinds';

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

const PROFILE_PLACEHOLDER = 'Select a user profile';

function ssoPlaceholder(domain: Domain): string {
  return `${domain.domainName} signs in through IAM Identity Center: it opens at the domain's own URL (no presigned URL); select a user profile`;
}

/**
 * The user profile pick. `described`: the domain's DescribeDomain under way (see withAuthMode),
 * asked alongside the profiles rather than before them; an IAM Identity Center domain's
 * placeholder says so once it is known.
 */
export async function pickUserProfile(s: ExtensionServices, domain: Domain, described?: Promise<Domain>): Promise<UserProfile | undefined> {
  const access = s.session.access();
  const list = pages(
    (nextToken, signal) => access.listUserProfiles(domain.region, domain.domainId, { nextToken, maxResults: 100, signal }),
    (u: UserProfile) => ({ label: u.userProfileName, description: u.status, value: u, iconPath: icon('account') }),
  );
  return ask(s, {
    title: `User profile in ${domain.domainName}`,
    placeholder: domain.authMode === 'SSO' ? ssoPlaceholder(domain) : PROFILE_PLACEHOLDER,
    items: async function* (signal, updates) {
      void described?.then((d) => {
        if (d.authMode === 'SSO' && !signal.aborted) {
          updates.placeholder(ssoPlaceholder(d));
        }
      });
      yield* list(signal);
      await described; // its answer is on its way with the first page: the placeholder settles before the pick stops being busy
    },
  });
}

/** What an item whose state could not be read says once the pick has stopped loading. */
export const STATE_NOT_READ = 'state not read (see the log)';

/**
 * A space as the space pick shows it; its id stays the same while its state fills in.
 * `unknown`: what a space whose state is not known says (while loading, "checking…").
 */
export function spacePickItem(sp: Space, unknown = 'checking…'): PickItem<Space> {
  const appType = sp.app?.appType ?? sp.appType;
  return {
    id: sp.spaceName,
    label: sp.spaceDisplayName || sp.spaceName,
    // As the tree's row says it: "checking…" until the app state is known.
    description: joinDescription([appType, sp.sharingType, sp.appState === 'Unknown' ? unknown : sp.appState]),
    value: sp,
    iconPath: icon(spaceCodicon(appType), toneOf(sp.appState)),
  };
}

/**
 * The spaces show as soon as ListSpaces answers (the tree's listing: the domain's first ListApps
 * page alongside, then the states still unknown, a few calls at a time, shared by every page of
 * this pick); each item's state fills in place. The pick is busy until every state is in; closing
 * it (a pick or Escape) stops the state calls.
 */
export async function pickSpace(s: ExtensionServices, domain: Domain, userProfileName: string): Promise<Space | undefined> {
  const access = s.session.access();
  return ask(s, {
    title: `Space for ${userProfileName} in ${domain.domainName}`,
    placeholder: 'Select a space',
    items: async function* (signal, updates) {
      /** The newest of each space: a state can come in before its page is given to the pick. */
      const latest = new Map<string, Space>();
      const stateCalls = callLimiter(STATE_CALLS_IN_FLIGHT);
      const states: Promise<void>[] = [];
      let nextToken: string | undefined;
      do {
        const page = await access.listSpacesFor(domain.region, domain.domainId, userProfileName, {
          nextToken,
          maxResults: 100,
          signal,
          stateCalls,
          onAppStates: (batch) => {
            batch.forEach((sp) => latest.set(sp.spaceName, sp));
            updates.replace(batch.map((sp) => spacePickItem(sp)));
          },
          onAppStateError: (e, names) => s.log.error(`Reading the app state of ${names.map((n) => `"${n}"`).join(', ')} (domain ${domain.domainId})`, e),
        });
        const items = page.items.map((sp) => latest.get(sp.spaceName) ?? sp);
        items.forEach((sp) => latest.set(sp.spaceName, sp));
        yield items.map((sp) => spacePickItem(sp));
        if (page.states) {
          states.push(page.states);
        }
        nextToken = page.nextToken;
      } while (nextToken && !signal.aborted);
      await Promise.all(states); // busy until every state is in (they never reject)
      // A state call that failed (logged) leaves its space unknown: no longer "checking…".
      const unread = [...latest.values()].filter((sp) => sp.appState === 'Unknown');
      if (unread.length > 0 && !signal.aborted) {
        updates.replace(unread.map((sp) => spacePickItem(sp, STATE_NOT_READ)));
      }
    },
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
  // How the domain signs in matters only once a URL is made: asked while the profiles load.
  const described = withAuthMode(s, picked);
  const profile = await pickUserProfile(s, picked, described);
  if (!profile) {
    return undefined;
  }
  const domain = await described; // never rejects (a failure leaves the mode unknown)
  if (kind === 'studio') {
    return { kind, region, domain, userProfileName: profile.userProfileName };
  }
  const space = await pickSpace(s, domain, profile.userProfileName);
  if (!space) {
    return undefined;
  }
  return { kind, region, domain, space, userProfileName: openingProfile(space, profile.userProfileName) };
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
