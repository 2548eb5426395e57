/**
 * The one status vocabulary of every kind: a status word is passing (the resource moves on from it
 * by itself, so its row is read again until it settles: ./poller.ts), failed, off (stopped,
 * deleted, unknown), or running. Words are the API model's enums (DomainStatus, UserProfileStatus,
 * SpaceStatus, AppStatus, NotebookInstanceStatus, TrackingServerStatus, MlflowAppStatus,
 * PartnerAppStatus). How a word looks (./presentation.ts) follows from it.
 */

/** How a status looks: ok (green, running), busy (yellow, passing), bad (red, failed), off (grey). */
export type Tone = 'ok' | 'busy' | 'bad' | 'off';

/** Status words of a passing state: the resource is on its way to another one by itself. */
const PASSING = new Set(['Pending', 'Starting', 'Stopping', 'Updating', 'Deleting', 'Creating', 'Restarting', 'MaintenanceInProgress']);

/** A status the service moves on from by itself (so a row showing it is worth reading again). */
export function isPassing(status: string | undefined): boolean {
  return status !== undefined && PASSING.has(status);
}

/**
 * How a Studio or notebook status looks (InService, Running: ok; a word not known here is
 * taken as passing).
 */
export function toneOf(status: string | undefined): Tone {
  switch (status) {
    case 'InService':
    case 'Running':
      return 'ok';
    case 'Failed':
    case 'Delete_Failed':
    case 'Update_Failed':
      return 'bad';
    case 'Stopped':
    case 'Deleted':
    case 'Unknown':
    case undefined:
      return 'off';
    default:
      return 'busy';
  }
}

/**
 * How an MLflow or partner app status looks: those kinds name each settled state (Created,
 * Started, Available...), so a word not passing, failed or stopped is ok.
 */
export function kindTone(status: string | undefined): Tone {
  if (status === undefined || status === 'Stopped' || status === 'Deleted') {
    return 'off';
  }
  if (status.endsWith('Failed')) {
    return 'bad';
  }
  if (isPassing(status)) {
    return 'busy';
  }
  return 'ok';
}

/** Tracking server states in which it runs (its UI opens). */
const SERVER_RUNNING = new Set(['Created', 'Updated', 'Started', 'Updating', 'UpdateFailed', 'StopFailed', 'MaintenanceInProgress', 'MaintenanceComplete', 'MaintenanceFailed']);

/** A codicon for the status: a spinner while passing, an error when failed, else the kind's own. */
export function kindCodicon(own: string, status: string | undefined): string {
  if (isPassing(status)) {
    return 'loading~spin';
  }
  return kindTone(status) === 'bad' && status !== 'UpdateFailed' && status !== 'StopFailed' && status !== 'MaintenanceFailed' ? 'error' : own;
}

export function trackingServerRunning(status: string | undefined, isActive?: string): boolean {
  return isActive === 'Active' || (status !== undefined && SERVER_RUNNING.has(status));
}

/**
 * contextValue state of a tracking server: running (can be stopped), stopped / startfailed (can be
 * started), updating, creating, starting, stopping, deleting, failed, unknown.
 */
export function trackingServerState(status: string | undefined): string {
  switch (status) {
    case undefined:
      return 'unknown';
    case 'Updating':
    case 'MaintenanceInProgress':
      return 'updating';
    case 'CreateFailed':
    case 'DeleteFailed':
      return 'failed';
    default:
      // StopMlflowTrackingServer accepts these (not while an update or maintenance is under way).
      return ['Created', 'Updated', 'UpdateFailed', 'Started', 'StopFailed', 'MaintenanceComplete', 'MaintenanceFailed'].includes(status) ? 'running' : status.toLowerCase();
  }
}
