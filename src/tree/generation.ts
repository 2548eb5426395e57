/**
 * One number for the whole tree: bumped when the view starts over (refresh, new settings), so an
 * answer that belongs to an older tree (a listing in flight, a late buildRoots) changes nothing.
 */
export class TreeGeneration {
  private value = 0;

  /** The current generation, to hold while waiting for something. */
  get current(): number {
    return this.value;
  }

  /** Starts a new tree: every answer for an older one is stale from now on. */
  next(): number {
    return ++this.value;
  }

  isCurrent(generation: number): boolean {
    return generation === this.value;
  }
}
