import * as vscode from 'vscode';
import type { Log } from './log';
import { clearClipboardOnExpiry } from './settings';

/**
 * After a presigned URL is copied: a status bar item counts down to its expiry, and at expiry the
 * clipboard is cleared if it still holds that URL (a bearer credential should not linger there).
 * One countdown at a time: a newer copy replaces the older one. Every clipboard write of the
 * extension goes through here (a lint rule says so), so the countdown follows the clipboard.
 */
export class ClipboardExpiry implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private timer?: NodeJS.Timeout;
  private current?: { url: string; what: string; expiresAt: Date; singleUse?: boolean };
  private readonly expired = new vscode.EventEmitter<{ cleared: boolean }>();
  /** Fires at each expiry, saying whether the clipboard was cleared. */
  readonly onDidExpire = this.expired.event;

  constructor(private readonly log: Log) {
    this.item = vscode.window.createStatusBarItem('sagemaker.urlExpiry', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'SageMaker URL Expiry';
  }

  /** What the status bar item shows now (undefined when hidden). */
  get text(): string | undefined {
    return this.current ? this.item.text : undefined;
  }

  /** Writes the URL to the clipboard and starts the countdown for it; a single-use URL (MLflow) says so. */
  async copy(url: string, what: string, expiresAt: Date, options: { singleUse?: boolean } = {}): Promise<void> {
    await vscode.env.clipboard.writeText(url);
    this.stop();
    this.current = { url, what, expiresAt, singleUse: options.singleUse };
    this.item.tooltip = `The copied URL for ${what} ${options.singleUse ? 'can be used once and ' : ''}expires at ${expiresAt.toLocaleTimeString()}.${
      clearClipboardOnExpiry() ? ' The clipboard is then cleared if it still holds it.' : ''
    }`;
    this.tick();
    this.item.show();
    this.timer = setInterval(() => this.tick(), 1000);
  }

  /**
   * Writes something else (an ID, an ARN, a CLI command, a link, an IAM Identity Center domain's
   * own URL) to the clipboard: the URL is no longer there, so its countdown ends.
   */
  async writeOther(text: string): Promise<void> {
    await vscode.env.clipboard.writeText(text);
    if (this.current) {
      this.log.info(`The clipboard no longer holds the URL for ${this.current.what}`);
    }
    this.stop();
  }

  /**
   * The window is reloading or closing (deactivate): a URL copied before, still in the clipboard
   * and not yet expired, is cleared now, as it would have been at expiry. Ends the countdown.
   */
  async release(): Promise<void> {
    const c = this.current;
    this.stop();
    if (!c || !clearClipboardOnExpiry()) {
      return;
    }
    try {
      if ((await vscode.env.clipboard.readText()) === c.url) {
        await vscode.env.clipboard.writeText('');
        this.log.info(`Cleared the copied URL for ${c.what} from the clipboard as the extension stopped`);
      }
    } catch (e) {
      this.log.error('Clearing the clipboard', e);
    }
  }

  private tick(): void {
    const c = this.current;
    if (!c) {
      return;
    }
    const left = Math.max(0, Math.ceil((c.expiresAt.getTime() - Date.now()) / 1000));
    if (left <= 0) {
      void this.expire(c);
      return;
    }
    const m = Math.floor(left / 60);
    const s = String(left % 60).padStart(2, '0');
    this.item.text = `$(clock) SageMaker URL ${c.singleUse ? '(single use) ' : ''}expires in ${m}:${s}`;
  }

  private async expire(c: { url: string; what: string }): Promise<void> {
    this.stop();
    let cleared = false;
    try {
      if (clearClipboardOnExpiry() && (await vscode.env.clipboard.readText()) === c.url) {
        await vscode.env.clipboard.writeText('');
        cleared = true;
      }
      this.log.info(`The copied URL for ${c.what} expired${cleared ? '; clipboard cleared' : ''}`);
    } catch (e) {
      this.log.error('Clearing the clipboard', e);
    }
    this.expired.fire({ cleared });
  }

  private stop(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    this.current = undefined;
    this.item.hide();
  }

  dispose(): void {
    this.stop();
    this.item.dispose();
    this.expired.dispose();
  }
}
