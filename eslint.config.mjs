// Flat config: typescript-eslint's type-aware recommended rules over src/ and test/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      curly: 'error',
      // An exclusive test would silently run alone and leave the rest of its tier unrun.
      'no-restricted-properties': [
        'error',
        ...['describe', 'context', 'suite', 'it', 'specify', 'test'].map((object) => ({
          object,
          property: 'only',
          message: 'No exclusive tests: .only would keep every other test of the tier from running.',
        })),
      ],
    },
  },
  {
    // Code that talks to AWS must run in plain Node: it may never import the vscode module.
    files: ['src/aws/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/aws/ runs in plain Node; keep vscode out of it.' }] }],
    },
  },
  {
    // The status bar's countdown follows the clipboard only if every write goes through ClipboardExpiry.
    files: ['src/**/*.ts'],
    ignores: ['src/clipboardExpiry.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.property.name='clipboard'][property.name='writeText']",
          message: 'Write the clipboard through ClipboardExpiry (copy for a presigned URL, writeOther for anything else), so the countdown follows it.',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      parserOptions: { projectService: false },
      globals: { require: 'readonly', process: 'readonly', console: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
