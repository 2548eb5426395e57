/**
 * The view's name filter: one text, applied to the lists the user chose. Each list that can be
 * filtered says so with a `NameFilter` (a GroupSpec's `nameFilter`, or a list node's): the
 * service filters when its List operation has a name parameter, else the rows loaded are.
 */

/** How one list takes the view's name filter. */
export interface NameFilter {
  /** Names the list in the filter's scope: 'userProfiles', 'spaces', 'notebooks'... */
  readonly key: string;
  /** For the filter's UI: 'User profiles'. */
  readonly label: string;
  /**
   * The List operation's own name filter (e.g. 'UserProfileNameContains'): the list's fetchPage
   * passes `ctx.filter` to it. Without one, the tree shows only the loaded rows whose label
   * contains the text (any case), and says that it filtered only what was loaded.
   */
  readonly serverParam?: string;
  /** In the filter's scope until the user chooses otherwise (default true). */
  readonly byDefault?: boolean;
}

/** The filter text and the keys of the lists it applies to. */
export interface FilterState {
  readonly text: string;
  readonly scope: ReadonlySet<string>;
}

/** What a filter does to one list: nothing, or the text and where it is applied. */
export type ActiveFilter = { readonly text: string; readonly serverSide: boolean } | undefined;

export function activeFilter(state: FilterState | undefined, f: NameFilter | undefined): ActiveFilter {
  if (!state || !f || !state.scope.has(f.key)) {
    return undefined;
  }
  return { text: state.text, serverSide: f.serverParam !== undefined };
}

/** Case-insensitive "contains", as the service's NameContains filters are. */
export function nameMatches(name: string, text: string): boolean {
  return name.toLowerCase().includes(text.toLowerCase());
}

/** How a list is filtered, in words for the filter's UI. */
export function filterHow(f: NameFilter): string {
  return f.serverParam ? `by SageMaker (${f.serverParam})` : 'only the rows loaded (the API has no name filter)';
}
