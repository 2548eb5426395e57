import { credentialsInUse } from '../aws/index';
import type { ExtensionServices } from '../context';
import { refFromTarget } from './refs';
import type { UrlTarget } from './targets';

/**
 * Remembers an environment whose URL was just opened or copied (called from the one place that
 * does both), or a space connected to with Remote SSH (`via`). A failure to remember is logged and never fails the open itself.
 */
export async function recordRecent(s: ExtensionServices, t: UrlTarget, via?: 'remoteSsh'): Promise<void> {
  const named = refFromTarget(t);
  if (!named) {
    return;
  }
  try {
    // The credentials really used: with the profile setting empty, AWS_PROFILE's or the environment's keys.
    await s.recent.record(named.ref, named.names, credentialsInUse(s.session.settings.profile), Date.now(), via);
  } catch (e) {
    s.log.error('Open Recent: could not remember the environment', e);
  }
}
