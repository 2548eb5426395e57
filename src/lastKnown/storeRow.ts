/**
 * A row of the tree to its last-known form on disk (./snapshot.ts has the form and reads it back):
 * in dist/commands.js with the rest of writing the last-known tree, not at activation.
 */
import { keptFields, type RowData, type StoredRow } from './snapshot';

/** The fields of a row that go to disk; undefined when a field it needs is missing. */
export function storeRow(row: RowData): StoredRow | undefined {
  const kept = keptFields(row.kind, row.data as unknown as Record<string, unknown>, (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString() : undefined));
  return kept && { kind: row.kind, ...kept };
}
