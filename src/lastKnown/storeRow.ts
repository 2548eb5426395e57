/**
 * A row of the tree to its last-known form on disk (./snapshot.ts has the form and reads it back):
 * in dist/commands.js with the rest of writing the last-known tree, not at activation.
 */
import { fieldsOf, keptApp, keptText, type RowData, type StoredRow } from './snapshot';

/** The fields of a row that go to disk; undefined when a field it needs is missing. */
export function storeRow(row: RowData): StoredRow | undefined {
  const source = row.data as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { kind: row.kind };
  for (const [name, [type, required]] of Object.entries(fieldsOf(row.kind))) {
    const v = source[name];
    let kept: unknown;
    if (type === 'date') {
      kept = v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString() : undefined;
    } else if (type === 'app') {
      kept = keptApp(v);
    } else if (Array.isArray(type)) {
      kept = typeof v === 'string' && type.includes(v) ? v : undefined;
    } else {
      kept = keptText(v);
    }
    if (kept !== undefined) {
      out[name] = kept;
    } else if (required) {
      return undefined;
    }
  }
  return out as StoredRow;
}
