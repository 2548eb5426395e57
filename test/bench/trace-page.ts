/**
 * What the start-up trace runs in the workbench page (as source text: the project's TypeScript has
 * no DOM types). Every event is stamped with the page's clock as epoch milliseconds
 * (performance.timeOrigin + performance.now()), the clock the other sources use too.
 *
 * - VS Code's extension-host message log: with the workbench payload
 *   `logExtensionHostCommunication`, the renderer console.logs every message to and from the
 *   extension host; this keeps them (stamped, args shortened) instead of printing them.
 * - The pointer: pointerdown and click, in the capture phase (before the workbench sees them).
 * - The view: a MutationObserver, armed just before the click, notes the first time the
 *   Resources pane, its welcome content, a progress bar and each tree row are in the DOM.
 */
export const TRACE_GLOBAL = '__sagemakerTrace';

export function pageInitScript(domain: string): string {
  return `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const events = [];
  const push = (source, text) => events.push({ t: now(), source, text });
  const short = (s, n) => (s.length > n ? s.slice(0, n) + '…' : s);
  const log = console.log;
  console.log = function (...args) {
    const first = args[0];
    if (typeof first === 'string' && (first.includes('Win \\u2192 Ext') || first.includes('Ext \\u2192 Win'))) {
      let data = '';
      try { data = JSON.stringify(args.slice(5)); } catch { data = '(not serialisable)'; }
      push('rpc', first.replace(/%c/g, '') + ' ' + short(data, 300));
      return;
    }
    return log.apply(this, args);
  };
  const describe = (el) => (el && el.getAttribute ? el.getAttribute('aria-label') || String(el.className) : '?');
  for (const type of ['pointerdown', 'click']) {
    document.addEventListener(type, (e) => push('page', type + ' on "' + describe(e.target) + '"'), true);
  }
  const seen = new Set();
  const once = (key, text) => { if (!seen.has(key)) { seen.add(key); push('page', text); } };
  let progress = false;
  const check = () => {
    const bar = document.querySelector('.sidebar .monaco-progress-container.active');
    const barNow = !!bar && bar.offsetParent !== null;
    if (barNow !== progress) { progress = barNow; push('page', 'side bar progress bar ' + (barNow ? 'shown' : 'hidden')); }
    const header = document.querySelector('.sidebar .pane-header[aria-label="Resources Section"]');
    if (!header) { return; }
    once('pane', 'Resources pane in the DOM');
    const body = header.closest('.pane').querySelector('.pane-body');
    if (!body) { return; }
    const welcome = body.querySelector('.welcome-view-content');
    if (welcome && welcome.offsetParent !== null && welcome.textContent.trim()) {
      once('welcome:' + welcome.textContent.trim(), 'welcome content shown: "' + short(welcome.textContent.trim(), 60) + '"');
    }
    for (const row of body.querySelectorAll('.monaco-list-row')) {
      const label = (row.getAttribute('aria-label') || row.textContent || '').trim();
      once('row:' + label.split(/[ ,]/)[0], 'row in the DOM: "' + short(label, 60) + '"');
      if (label.includes(${JSON.stringify(domain)}) && !seen.has('domain')) {
        seen.add('domain');
        push('page', 'FIRST DOMAIN ROW in the DOM');
        requestAnimationFrame(() => push('page', 'next animation frame after the domain row'));
      }
    }
  };
  window.${TRACE_GLOBAL} = {
    events,
    arm() {
      new MutationObserver(check).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
      check();
    },
    marks() {
      return performance.getEntriesByType('mark').map((m) => ({ t: performance.timeOrigin + m.startTime, source: 'mark', text: m.name }));
    },
  };
})();`;
}
