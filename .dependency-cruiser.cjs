/**
 * How src/ may import (docs/architecture.md says why): `npm run lint` runs this through
 * dependency-cruiser. Type-only imports count as imports here.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
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
      to: { pathNot: ['^src/aws/', '^node_modules/', '^node:'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'aws-no-vscode',
      severity: 'error',
      comment: 'src/aws/ never imports vscode (it runs in plain Node: tests, the benchmark).',
      from: { path: '^src/aws/' },
      to: { path: ['^vscode$', '^node_modules/@types/vscode/'] },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
  },
};
