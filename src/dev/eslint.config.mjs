// ESLint for src/, parsers/ and test/ (`npm run lint`). It lives here because the top level is fixed; with --config
// ESLint resolves the patterns below from the working directory, which npm sets to the project root.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'samples/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  { files: ['**/*.mjs'], languageOptions: { globals: globals.node } },
  { files: ['src/tui/**/*.{ts,tsx}', 'test/tui/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
  {
    rules: {
      // Matching and removing terminal control characters is the point of those patterns (sanitising, ANSI in tests).
      'no-control-regex': 'off',
      // A closure made before the value exists reads it (signal handlers, reporters, a server's handler): const would throw there.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // A leading underscore marks a binding that is unused on purpose (counting keys with for-in, a property left out by a rest pattern).
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_' }],
    },
  },
);
