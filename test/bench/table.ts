import type { Figure } from './figures';

function amount(unit: Figure['unit'], v: number | undefined): string {
  if (v === undefined) {
    return '—';
  }
  switch (unit) {
    case 'ms':
      // Below 10 ms the tenths tell figures apart (a request's start: 0.2 against 0.4 ms).
      return `${v.toFixed(v < 10 && !Number.isInteger(v) ? 1 : 0)} ms`;
    case 'bytes':
      return v >= 1024 * 1024 ? `${(v / 1024 / 1024).toFixed(1)} MiB` : `${(v / 1024).toFixed(1)} KiB`;
    case 'yes/no':
      return v ? 'yes' : 'no';
  }
}

function ratio(f: Figure): string {
  if (f.floor === undefined || f.unit === 'yes/no') {
    return '';
  }
  if (f.floor === 0) {
    return f.value === 0 ? '1.0' : '';
  }
  return (f.value / f.floor).toFixed(1);
}

function calls(f: Figure): string {
  if (f.calls === undefined) {
    return '';
  }
  return f.floorRoundTrips === undefined ? String(f.calls) : `${f.calls} / ${f.floorRoundTrips}`;
}

/**
 * The figures as a Markdown table (it reads well in a terminal and pastes into docs/performance.md),
 * section by section, then the notes that say why a figure is above its floor.
 */
export function formatTable(figures: readonly Figure[]): string {
  const header = ['Section', 'Figure', 'Measured', 'Floor', '× floor', 'Calls / floor round trips'];
  const rows = figures.map((f) => [f.section, f.label, amount(f.unit, f.value), amount(f.unit, f.floor), ratio(f), calls(f)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
  const notes = figures.filter((f) => f.note);
  if (notes.length) {
    out.push('', 'Notes:');
    for (const f of notes) {
      out.push(`- ${f.label}: ${f.note}`);
    }
  }
  return out.join('\n');
}
