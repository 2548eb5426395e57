/**
 * How test runs report their counts: one marker line with JSON, printed through console (so
 * that it also crosses from the extension host through the browser to the driver).
 * A suite run (mocha inside the extension host) and a tier process have distinct markers, so
 * the driver never mistakes a suite's line, echoed by a tier that crashed later, for the tier's.
 */
export interface TestCounts {
  passed: number;
  failed: number;
  /** Tests that did not run, each with why (the summary lists them). */
  skipped: SkippedTest[];
}

export interface SkippedTest {
  /** The test's full title (its suites' titles and its own). */
  title: string;
  reason: string;
}

export type ResultKind = 'suite' | 'tier';

const MARKERS: Record<ResultKind, string> = {
  suite: '@@sagemaker-test-results ',
  tier: '@@sagemaker-tier-results ',
};

export function formatCounts(counts: TestCounts, kind: ResultKind = 'suite'): string {
  return `${MARKERS[kind]}${JSON.stringify({ passed: counts.passed, failed: counts.failed, skipped: counts.skipped })}`;
}

export function isResultLine(line: string, kind: ResultKind = 'suite'): boolean {
  return line.startsWith(MARKERS[kind]);
}

/** The counts in the last marker line of that kind inside `text`, if there is one. */
export function parseCounts(text: string, kind: ResultKind = 'suite'): TestCounts | undefined {
  const marker = MARKERS[kind];
  const i = text.lastIndexOf(marker);
  if (i < 0) {
    return undefined;
  }
  const json = text.slice(i + marker.length).split('\n')[0];
  try {
    const v = JSON.parse(json) as Partial<TestCounts>;
    if (typeof v.passed === 'number' && typeof v.failed === 'number' && Array.isArray(v.skipped)) {
      const skipped = v.skipped.map((t: Partial<SkippedTest>) => ({ title: String(t?.title), reason: String(t?.reason) }));
      return { passed: v.passed, failed: v.failed, skipped };
    }
  } catch {
    // A truncated or foreign line is no result.
  }
  return undefined;
}

/** Printed by a suite runner as it starts, so the driver can tell the suite's output from the workbench's. */
export const SUITE_START = '@@sagemaker-suite-start';

/**
 * Skips the running test (or the tests of the running hook) saying why; the summary of
 * `npm test` lists the reason. Mocha's own `this.skip()` takes none.
 */
export function skipBecause(context: Mocha.Context, reason: string): never {
  const runnable: (Mocha.Runnable & { type?: string }) | undefined = context.currentTest ?? context.test;
  // In a before/after hook it skips every test of the hook's suite: the reason goes on the suite.
  const holder = (runnable?.type === 'hook' ? runnable.parent : runnable) as { skipReason?: string } | undefined;
  if (holder) {
    holder.skipReason = reason;
  }
  context.skip();
}
