/** The view's name filter as it stands: its text and the lists it applies to (kept between filters). */
import { activeFilter, type ActiveFilter, type FilterState } from './filter';
import { defaultFilterScope, nameFilters } from './groups';
import type { ListNode } from './listing';

export class TreeFilter {
  private state?: FilterState;
  private scope: ReadonlySet<string> = new Set(defaultFilterScope());

  /** The filter's text; undefined when nothing is filtered. */
  get text(): string | undefined {
    return this.state?.text;
  }

  /** The keys of the lists the filter applies to (NameFilter.key), kept between filters. */
  get lists(): ReadonlySet<string> {
    return this.scope;
  }

  /** Filters by name the lists in `scope` (default: the last scope chosen); empty text filters nothing. */
  set(text: string | undefined, scope?: readonly string[]): void {
    if (scope) {
      const known = new Set(nameFilters().map((f) => f.key));
      this.scope = new Set(scope.filter((k) => known.has(k)));
    }
    const t = text?.trim();
    this.state = t ? { text: t, scope: this.scope } : undefined;
  }

  /** How the filter applies to one list, if it does. */
  for(node: ListNode): ActiveFilter {
    return activeFilter(this.state, node.nameFilter);
  }
}
