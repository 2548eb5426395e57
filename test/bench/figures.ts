/**
 * The benchmark's figures, shared by the driver (plain Node) and the suite that runs inside the
 * extension host: each figure is measured next to its floor, the least any client could do.
 */

/** One line of the table. Times are milliseconds, sizes bytes. */
export interface Figure {
  /** Stable key for tools reading the JSON, e.g. "tree.domain.firstPage". */
  readonly id: string;
  /** Table section: "Bundle", "Activation", "Actions (large data set)", "Regions", "Memory". */
  readonly section: string;
  /** What a user does or gets, in words. */
  readonly label: string;
  readonly unit: 'ms' | 'bytes' | 'yes/no';
  /** The figure measured (median of `runs` for timings). */
  readonly value: number;
  /** The least any client could do; undefined where there is none worth stating. */
  readonly floor?: number;
  /** SageMaker API calls the action made (counted by the emulator). */
  readonly calls?: number;
  /** Calls per operation, for the JSON. */
  readonly callsByOperation?: Record<string, number>;
  /** Sequential round trips the API requires; floor = floorRoundTrips × latency. */
  readonly floorRoundTrips?: number;
  /** How many times the action was timed (the median is shown). */
  readonly runs?: number;
  /** Why a figure is above its floor, or how it was measured. */
  readonly note?: string;
}

/** A figure from the extension host, before the driver turns round trips into a floor time. */
export type HostFigure = Omit<Figure, 'floor'> & { readonly floor?: number };

/** The line prefix the extension-host suite prints its figures behind (crosses to the driver via console). */
export const FIGURES_MARKER = '@@sagemaker-bench ';

/** Environment variable with the injected latency, so the host suite can say it in notes. */
export const LATENCY_ENV = 'SAGEMAKER_BENCH_LATENCY_MS';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
