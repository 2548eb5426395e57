/**
 * The start-up trace's events and how the milestones and spans of one click are read from them
 * (test/bench/trace.ts records the events; this module has no side effects, so the phases can
 * be read again from a saved test-results/bench-trace.json).
 */

export interface TraceEvent {
  /** Epoch milliseconds (fractional where the source has it). */
  t: number;
  source: 'page' | 'rpc' | 'mark' | 'exthost' | 'extension' | 'endpoint' | 'driver';
  text: string;
}

export const EXTENSION_ID = 'sagemaker-environments.sagemaker-environments';

export interface Phase {
  name: string;
  ms: number | undefined;
  note?: string;
}

export function firstAt(events: TraceEvent[], source: TraceEvent['source'], re: RegExp, after = -Infinity): TraceEvent | undefined {
  return events.find((e) => e.source === source && e.t >= after && re.test(e.text));
}

/** The milestones of one click, from the merged events (undefined where a source did not say). */
export function phasesOf(events: TraceEvent[], click: number): Phase[] {
  const at = (e: TraceEvent | undefined): number | undefined => (e ? e.t - click : undefined);
  const replyTo = (request: TraceEvent | undefined): TraceEvent | undefined => {
    const id = request ? /\]\s+(\d+) - request/.exec(request.text)?.[1] : undefined;
    return id ? firstAt(events, 'rpc', new RegExp(`Ext → Win.*\\]\\s+${id} - receiveReply`), request!.t) : undefined;
  };
  const driver = (text: string): TraceEvent | undefined => events.find((e) => e.source === 'driver' && e.text.startsWith(text));
  const hostUp = firstAt(events, 'rpc', /^\[Remote\]/);
  const activate = firstAt(events, 'rpc', /Win → Ext.*\$activateByEvent.*onView:sagemaker\.resources/, click - 50);
  const didActivate = firstAt(events, 'rpc', new RegExp(`\\$onDidActivateExtension.*${EXTENSION_ID.replace(/\./g, '\\.')}`), click);
  // VS Code's own figures: [id, codeLoadingTime, activateCallTime, activateResolvedTime, reason].
  const times = didActivate ? /"},(\d+),(\d+),(\d+),/.exec(didActivate.text) : undefined;
  const register = firstAt(events, 'rpc', /\$registerTreeViewDataProvider.*sagemaker\.resources/, click);
  const children = events.filter((e) => e.source === 'rpc' && e.t >= click && /Win → Ext.*\$getChildren.*sagemaker\.resources/.test(e.text));
  const domainRow = firstAt(events, 'page', /FIRST DOMAIN ROW/, click);
  const groupsAnswered = replyTo(children[1]);
  // The lists the groups' answer waited for (the poller's Describe calls, which may come before
  // the row is drawn, are not among them).
  const answers = events.filter((e) => e.source === 'endpoint' && e.t >= click && /^List\w+ .*answered/.test(e.text) && (!groupsAnswered || e.t <= groupsAnswered.t));
  return [
    { name: 'Playwright: click sent → pointerdown in the page', ms: (() => { const d = driver('click sent'); return d ? click - d.t : undefined; })() },
    { name: 'remote extension host: first message (before 0: up at the click)', ms: at(hostUp) },
    { name: 'Resources pane in the DOM', ms: at(firstAt(events, 'page', /Resources pane in the DOM/, click - 50)) },
    { name: 'activation asked ($activateByEvent onView:…)', ms: at(activate) },
    { name: 'tree data provider registered (activate() ran)', ms: at(register) },
    { name: 'activation answered', ms: at(replyTo(activate)) },
    { name: '… VS Code: code loading / activate call / resolve (ms, not times)', ms: undefined, note: times ? `${times[1]} / ${times[2]} / ${times[3]}` : undefined },
    { name: 'getChildren(root) asked', ms: at(children[0]) },
    { name: 'getChildren(root) answered', ms: at(replyTo(children[0])) },
    { name: 'getChildren(the groups) asked', ms: at(children[1]) },
    { name: 'AWS SDK loaded (extension log)', ms: at(firstAt(events, 'extension', /AWS SDK loaded/, click - 50)) },
    { name: 'first list call reaches the endpoint', ms: at(firstAt(events, 'endpoint', /^List\w+ .*arrives/, click)) },
    { name: 'first list call answered', ms: at(answers[0]) },
    { name: 'last list call answered before the groups\' answer', ms: at(answers[answers.length - 1]) },
    { name: 'getChildren(the groups) answered', ms: at(groupsAnswered) },
    { name: 'first domain row in the DOM', ms: at(domainRow) },
    { name: 'Playwright: domain row seen visible', ms: at(driver('Playwright:')) },
  ];
}

/** Where the time between the click and the row goes: the spans between milestones. */
export const SEGMENTS: [string, string, string][] = [
  ['Playwright before the click (actionability checks)', '', ''],
  ['waiting for the extension host (click → activation asked)', 'CLICK', 'activation asked ($activateByEvent onView:…)'],
  ['activation (asked → tree data provider registered)', 'activation asked ($activateByEvent onView:…)', 'tree data provider registered (activate() ran)'],
  ['VS Code asks for the root (registered → getChildren(root))', 'tree data provider registered (activate() ran)', 'getChildren(root) asked'],
  ['the root (getChildren(root) asked → answered)', 'getChildren(root) asked', 'getChildren(root) answered'],
  ['VS Code asks for the groups (root answered → groups asked)', 'getChildren(root) answered', 'getChildren(the groups) asked'],
  ['the groups (asked → answered: SDK, credentials, the lists)', 'getChildren(the groups) asked', 'getChildren(the groups) answered'],
  ['… of which: the lists (first arrives at the endpoint → last answered)', 'first list call reaches the endpoint', 'last list call answered before the groups\' answer'],
  ['rendering (groups answered → domain row in the DOM)', 'getChildren(the groups) answered', 'first domain row in the DOM'],
  ['Playwright after the row (row in the DOM → seen visible)', 'first domain row in the DOM', 'Playwright: domain row seen visible'],
  ['click → first domain row in the DOM', 'CLICK', 'first domain row in the DOM'],
];

export function segmentsOf(phases: Phase[]): Phase[] {
  const ms = (name: string): number | undefined => (name === 'CLICK' ? 0 : phases.find((p) => p.name === name)?.ms);
  return SEGMENTS.map(([name, from, to]) => {
    if (!from) {
      return { name, ms: phases.find((p) => p.name.startsWith('Playwright: click sent'))?.ms };
    }
    const a = ms(from);
    const b = ms(to);
    return { name, ms: a !== undefined && b !== undefined ? b - a : undefined };
  });
}
