import * as vscode from 'vscode';
import type { ApiCallRecord } from './aws/index';
import { errorLogText, redactUrl } from './aws/index';

/**
 * The "SageMaker" log channel. Everything written here goes through `redactUrl`, because a
 * presigned URL is a bearer credential and the log is something users paste into bug reports.
 */
export class Log implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;

  constructor() {
    this.channel = vscode.window.createOutputChannel('SageMaker', { log: true });
  }

  info(message: string): void {
    this.channel.info(redactUrl(message));
  }

  warn(message: string): void {
    this.channel.warn(redactUrl(message));
  }

  /** Logs an error with its details (name, message, cause chain and stack), redacted. */
  error(context: string, error: unknown): void {
    this.channel.error(redactUrl(`${context}: ${errorLogText(error)}`));
  }

  /** Told of every API call after it is logged (the running scan rescans after a start or stop). */
  readonly apiCallListeners = new Set<(r: ApiCallRecord) => void>();

  /** One line per SageMaker API call: operation, region, duration and outcome. */
  apiCall(r: ApiCallRecord): void {
    for (const l of this.apiCallListeners) {
      l(r);
    }
    const outcome = r.outcome === 'ok' ? 'ok' : `error${r.errorName ? ` (${r.errorName})` : ''}`;
    const line = `${r.operation} ${r.region} ${Math.round(r.durationMs)} ms ${outcome}`;
    if (r.outcome === 'ok') {
      this.channel.info(line);
    } else {
      this.channel.warn(line);
    }
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
