/**
 * `items` with those of `updates` put in place of the ones with the same id (an update whose id
 * is not among `items` is left out); undefined when none was, so there is nothing to redraw.
 * A quick pick's items updated in place keep their order, and so what the user was reading.
 */
export function replaceById<I extends { readonly id?: string }>(items: readonly I[], updates: readonly I[]): I[] | undefined {
  const byId = new Map(updates.filter((u) => u.id !== undefined).map((u) => [u.id, u]));
  let changed = false;
  const next = items.map((i) => {
    const u = i.id === undefined ? undefined : byId.get(i.id);
    changed ||= u !== undefined;
    return u ?? i;
  });
  return changed ? next : undefined;
}
