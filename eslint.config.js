// ESLint (typescript-eslint, angular-eslint) for the whole tree; formatting is Prettier's
// (.prettierrc.json), so no stylistic rule is enabled here. `npm run lint`, part of `./stack test`.
import js from '@eslint/js';
import angular from '@angular-eslint/eslint-plugin';
import angularTemplate from '@angular-eslint/eslint-plugin-template';
import templateParser from '@angular-eslint/template-parser';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.stack/**', 'data/**', 'public/**', 'test-results/**', 'playwright-report/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { '@angular-eslint': angular },
    rules: {
      ...angular.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  // One owner per collection: a collection's handle is made by its declaration (*.collection.ts)
  // and used by its owner's stores only; everything else calls the owner's functions, passing
  // the database (DbHandle). Tests and tools may open a collection by its declared spec.
  {
    files: ['src/**/*.ts', 'workers/**/*.ts'],
    ignores: ['**/*.collection.ts', '**/*.spec.ts', '**/*.fixture.ts', 'src/server/platform/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/platform/db'],
              importNames: ['collectionIn'],
              message: "Only a collection's declaration makes its handle: call its owner's functions instead.",
            },
          ],
        },
      ],
    },
  },
  // Components' inline templates, extracted as virtual .html files beside their .ts.
  { files: ['src/app/**/*.ts'], processor: angularTemplate.processors['extract-inline-html'] },
  {
    files: ['src/app/**/*.html'],
    languageOptions: { parser: templateParser },
    plugins: { '@angular-eslint/template': angularTemplate },
    rules: { ...angularTemplate.configs.recommended.rules },
  },
  prettier,
);
