import { largeData, type EmulatorData } from '../emulator/index';

/** The region holding the emulator's `large` data set (one domain, 3000 user profiles...). */
export const LARGE_REGION = 'us-east-1';
/** The large data set's domain (3000 user profiles, 3500 spaces). */
export const LARGE_DOMAIN = 'enterprise-ml';
/** The user profile whose spaces and URLs are measured (on the first page of the domain). */
export const BENCH_PROFILE = 'user-00010';
/** The other regions of the several-regions figure, each with a smaller account of the same shape. */
export const OTHER_REGIONS = ['eu-west-1', 'us-west-2', 'ap-southeast-2'] as const;

/** What the benchmark runs against: the `large` account, plus three smaller regions. */
export function benchData(): EmulatorData {
  const data = largeData();
  OTHER_REGIONS.forEach((region, i) => {
    const small = largeData({ userProfiles: 200, sharedSpaces: 20, notebookInstances: 60, seed: 100 + i });
    data.regions[region] = small.regions[LARGE_REGION];
  });
  return data;
}
