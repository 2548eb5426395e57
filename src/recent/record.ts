import type { ExtensionServices } from '../context';
import type { UrlTarget } from '../commands/targets';
import { refFromTarget } from '../links/resolve';

/**
 * Remembers an environment whose URL was just opened or copied (called from the one place that
 * does both). A failure to remember is logged and never fails the open itself.
 */
export async function recordRecent(s: ExtensionServices, t: UrlTarget): Promise<void> {
  const named = refFromTarget(t);
  if (!named) {
    return;
  }
  try {
    await s.recent.record(named.ref, named.names, s.session.settings.profile);
  } catch (e) {
    s.log.error('Open Recent: could not remember the environment', e);
  }
}
