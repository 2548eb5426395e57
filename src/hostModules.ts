/**
 * The modules of dist/extension.js that the lazily loaded files (dist/sdk.js, dist/commands.js)
 * use, by path ("src/aws/errors.ts"): those files take them from here at run time instead of
 * bundling copies, so each module has one instance (one AwsError class for `instanceof`, one SDK
 * loader, one clipboard countdown...). In the bundle esbuild.js writes this module: it imports
 * each such module's namespace and exports them (see hostModulesPlugin there).
 *
 * As written here, compiled by tsc into out/ (unit tests, the AWS benchmark), it is undefined:
 * there are no bundles then, and each loader require()s the compiled module itself, one instance
 * per module through Node's module cache.
 */
import type { HostModules } from './aws/index';

export const hostModules: HostModules | undefined = undefined;
