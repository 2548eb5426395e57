/**
 * How src/ may import (docs/architecture.md says why): `npm run lint` runs this through
 * dependency-cruiser. Type-only imports count as imports here.
 */

/**
 * The layers of src/, lowest first (docs/architecture.md, "Layers"). A module imports only from its
 * own layer or lower ones. A module is in the first layer one of whose patterns it matches.
 */
const LAYERS = [
  { name: 'aws', paths: ['^src/aws/'] },
  { name: 'base', paths: ['^src/(log|settings|urlSettings|errors|prompter|quickPick|replaceById|session|resourceTypes|clipboardExpiry|shell|terminal|errorMessage)\\.ts$'] },
  // What running costs, in words (durations, prices, idle shutdown): the rows, the status item and the reminder share it.
  { name: 'running-facts', paths: ['^src/running/facts\\.ts$'] },
  // Remote SSH's files and programs: the owned host file, the Include line, the connect helper and its install.
  { name: 'remote-setup', paths: ['^src/remote/(names|hostsFile|install|instanceMemory|prerequisites|sshConfig|hooks)\\.ts$', '^src/remote/helper/'] },
  // What each kind of resource is, as data: stored fields, link keys, references, start/stop (no vscode).
  { name: 'kinds', paths: ['^src/kinds/'] },
  { name: 'records', paths: ['^src/lastKnown/', '^src/links/(kinds|link)\\.ts$', '^src/recent/store\\.ts$'] },
  { name: 'tree', paths: ['^src/tree/'] },
  { name: 'services', paths: ['^src/(connection|context)\\.ts$'] },
  { name: 'commands', paths: ['^src/commands/(?!(table|index)\\.ts$)'] },
  // Connect with Remote SSH: the command, over the commands it shares (targets, start, deliver).
  { name: 'remote', paths: ['^src/remote/(connect|ssoRefusal)\\.ts$'] },
  { name: 'links', paths: ['^src/links/'] },
  { name: 'recent', paths: ['^src/recent/'] },
  // What runs, for how long, at what cost: the scan, the status-bar item, its pick (which opens as a link does) and the reminder.
  { name: 'running', paths: ['^src/running/'] },
  { name: 'top', paths: ['^src/(extension|hostModules)\\.ts$', '^src/commands/(table|index)\\.ts$'] },
];

/** The modules of layer i: its patterns, less those of the layers below it. */
const member = (i) => ({ path: LAYERS[i].paths, ...(i > 0 ? { pathNot: LAYERS.slice(0, i).flatMap((l) => l.paths) } : {}) });

/** One rule per pair: layer i never imports layer j above it. */
const layerRules = LAYERS.flatMap((lower, i) =>
  LAYERS.slice(i + 1).map((upper, k) => ({
    name: `layer-${lower.name}-not-${upper.name}`,
    severity: 'error',
    comment: `The ${lower.name} layer is below the ${upper.name} layer: it does not import it (docs/architecture.md).`,
    from: member(i),
    to: member(i + 1 + k),
  })),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'every-module-in-a-layer',
      severity: 'error',
      comment: 'A new module of src/ belongs to a layer: add its pattern to LAYERS.',
      from: { path: '^src/', pathNot: LAYERS.flatMap((l) => l.paths) },
      to: {},
    },
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'No import cycle of any length in src/ (type-only imports included).',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'aws-stands-alone',
      severity: 'error',
      comment: 'src/aws/ is plain Node: it never imports vscode or anything of ours outside src/aws/.',
      from: { path: '^src/aws/' },
      to: { pathNot: ['^src/aws/', '(^|/)node_modules/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'aws-no-vscode',
      severity: 'error',
      comment: 'src/aws/ never imports vscode (it runs in plain Node: tests, the benchmark).',
      from: { path: '^src/aws/' },
      to: { path: ['^vscode$', '(^|/)node_modules/@types/vscode/'] },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
  },
};
