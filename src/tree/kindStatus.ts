/**
 * How the MLflow and partner app statuses look and behave: their colour, whether the row is in a
 * passing state (so a poller can refresh it), and the state word menus use in contextValue.
 * Status words are the API model's enums (TrackingServerStatus, MlflowAppStatus, PartnerAppStatus).
 */
import type { Tone } from './presentation';

/** States that pass by themselves: the row should be refreshed until they end. */
const TRANSITIONAL = new Set(['Creating', 'Updating', 'Deleting', 'Starting', 'Stopping', 'MaintenanceInProgress']);

/** Tracking server states in which it runs (its UI opens). */
const SERVER_RUNNING = new Set(['Created', 'Updated', 'Started', 'Updating', 'UpdateFailed', 'StopFailed', 'MaintenanceInProgress', 'MaintenanceComplete', 'MaintenanceFailed']);

export function isTransitional(status: string | undefined): boolean {
  return status !== undefined && TRANSITIONAL.has(status);
}

export function kindTone(status: string | undefined): Tone {
  if (status === undefined || status === 'Stopped' || status === 'Deleted') {
    return 'off';
  }
  if (status.endsWith('Failed')) {
    return 'bad';
  }
  if (isTransitional(status)) {
    return 'busy';
  }
  return 'ok';
}

/** A codicon for the status: a spinner while passing, an error when failed, else the kind's own. */
export function kindCodicon(own: string, status: string | undefined): string {
  if (isTransitional(status)) {
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
