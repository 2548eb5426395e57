/** Small helpers for reading validated inputs and writing AWS JSON 1.1 outputs. */

/** Epoch seconds, as AWS JSON 1.1 sends timestamps. */
export const epoch = (iso: string): number => Date.parse(iso) / 1000;
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
export const contains = (haystack: string, needle: string | undefined): boolean => needle === undefined || haystack.toLowerCase().includes(needle.toLowerCase());
/** The request members that shape a list (all but the page size and token), to bind a NextToken to its query. */
export const listFilters = (input: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(input).filter(([k]) => k !== 'MaxResults' && k !== 'NextToken'));
