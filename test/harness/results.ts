/**
 * How a test run reports its counts to the driver: one marker line with JSON, printed through
 * console (so it also crosses from the extension host to the browser to the driver).
 */
export interface TestCounts {
  passed: number;
  failed: number;
}

const MARKER = '@@sagemaker-test-results ';

export function formatCounts(counts: TestCounts): string {
  return `${MARKER}${JSON.stringify({ passed: counts.passed, failed: counts.failed })}`;
}

/** The counts in a marker line inside `text`, if there is one. */
export function parseCounts(text: string): TestCounts | undefined {
  const i = text.lastIndexOf(MARKER);
  if (i < 0) {
    return undefined;
  }
  const json = text.slice(i + MARKER.length).split('\n')[0];
  try {
    const v = JSON.parse(json) as Partial<TestCounts>;
    if (typeof v.passed === 'number' && typeof v.failed === 'number') {
      return { passed: v.passed, failed: v.failed };
    }
  } catch {
    // A truncated or foreign line is no result.
  }
  return undefined;
}
