// The module-boundary rules alone, without type information, so a test can lint a snippet that is not on disk.
import tseslint from 'typescript-eslint';
import { boundaries } from '../../eslint.boundaries.mjs';

export default [{ languageOptions: { parser: tseslint.parser }, plugins: { '@typescript-eslint': tseslint.plugin } }, ...boundaries];
