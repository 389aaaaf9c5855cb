import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Layers (DESIGN.md §3): app -> features -> store/ui -> db/engine/models -> lib. */
const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: forbidden, message },
          { group: ['@mlc-ai/web-llm', '@wllama/wllama', '@wllama/wllama/*', '**/engine/mlc/*', '**/engine/gguf/*', '!**/engine/mlc/*-shared', '!**/engine/gguf/*-shared'], message: 'Engine libraries and adapters load only inside their workers (spawned in src/engine/engines.ts).' },
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'coverage', '.bench', '.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  layer(['src/lib/**'], ['**/app/**', '**/features/**', '**/store/**', '**/ui/**', '**/db/**', '**/engine/**', '**/models/**', 'react', 'dexie', 'zustand'], 'lib/ is pure: it imports nothing from the app.'),
  layer(['src/db/**', 'src/engine/**', 'src/models/**'], ['**/app/**', '**/features/**', '**/store/**', '**/ui/**', 'react', 'react-dom', 'zustand'], 'db/, engine/ and models/ sit below the UI: no React, no stores.'),
  layer(['src/ui/**'], ['**/app/**', '**/features/**', '**/store/**', '**/db/**', '**/engine/**'], 'ui/ is presentational: no stores, no db, no engines.'),
  layer(['src/store/**'], ['**/app/**', '**/features/**', '**/ui/**'], 'store/ must not import features, app or ui.'),
  layer(['src/features/**'], ['**/app/**'], 'features/ must not import the app root.'),
  {
    // Adapters run inside their workers and may import their engine library.
    files: ['src/engine/mlc/**', 'src/engine/gguf/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/app/**', '**/features/**', '**/store/**', '**/ui/**', 'react'], message: 'Engine adapters sit below the UI.' }] }],
    },
  },
);
