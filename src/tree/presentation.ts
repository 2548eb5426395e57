import * as vscode from 'vscode';
import type { Domain } from '../aws/index';
import { toneOf, type Tone } from './status';

export { isPassing, toneOf, type Tone } from './status';

/** Colours for status icons: theme colours, so they follow the user's theme. */
const COLOR: Record<Tone, vscode.ThemeColor> = {
  ok: new vscode.ThemeColor('charts.green'),
  busy: new vscode.ThemeColor('charts.yellow'),
  bad: new vscode.ThemeColor('charts.red'),
  off: new vscode.ThemeColor('disabledForeground'),
};

export function icon(codicon: string, tone?: Tone): vscode.ThemeIcon {
  return new vscode.ThemeIcon(codicon, tone ? COLOR[tone] : undefined);
}

/** Codicon for a space, by the app it runs. */
export function spaceCodicon(appType: string | undefined): string {
  switch (appType) {
    case 'JupyterLab':
    case 'JupyterServer':
      return 'notebook';
    case 'CodeEditor':
      return 'code';
    case 'RStudioServerPro':
      return 'graph';
    case 'Canvas':
      return 'symbol-color';
    default:
      return 'symbol-namespace';
  }
}

/** Codicon for a notebook instance: the state itself is the icon, coloured. */
export function notebookCodicon(status: string | undefined): string {
  switch (toneOf(status)) {
    case 'ok':
      return 'vm-running';
    case 'bad':
      return 'error';
    case 'busy':
      return 'loading~spin';
    default:
      return 'vm-outline';
  }
}

/**
 * A tooltip as untrusted markdown: a bold title and one line per detail. Every piece of resource
 * text goes through `appendText`, which escapes markdown, so a name cannot inject links or commands.
 */
export function tooltip(title: string, rows: readonly (readonly [string, string | Date | undefined])[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown('**');
  md.appendText(title);
  md.appendMarkdown('**\n\n');
  for (const [label, value] of rows) {
    if (value === undefined || value === '') {
      continue;
    }
    md.appendText(`${label}: ${value instanceof Date ? value.toLocaleString() : value}`);
    md.appendMarkdown('  \n');
  }
  return md;
}

export function joinDescription(parts: readonly (string | undefined)[]): string {
  return parts.filter((p): p is string => !!p).join(' · ');
}

/** The tooltip line of a profile or space in an IAM Identity Center domain: how it opens. */
export function opensRow(d: Domain): readonly [string, string | undefined] {
  return ['Opens', d.authMode === 'SSO' ? 'at the domain\'s IAM Identity Center sign-in (no presigned URL for this domain)' : undefined];
}
