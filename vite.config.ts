import { builtinModules } from 'node:module';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import manifest, { EXTRA_PAGES } from './manifest.config.ts';

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/**
 * The extension runs in the browser only. Vite would silently stub a Node built-in with an empty
 * module (and the code would break at runtime), so fail the build instead, naming the importer:
 * node-only code (the CLI, file loading) must stay out of anything an extension entry imports.
 */
function forbidNodeBuiltins(): Plugin {
  return {
    name: 'tactful:forbid-node-builtins',
    enforce: 'pre',
    apply: 'build',
    resolveId(source, importer) {
      if (nodeBuiltins.has(source)) {
        this.error(`Node built-in "${source}" imported by ${importer ?? 'an entry'}; the extension bundle must be browser-only`);
      }
      return null;
    },
  };
}

export default defineConfig({
  plugins: [forbidNodeBuiltins(), preact(), crx({ manifest })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome120',
    // Extension pages load from disk: no need for modulepreload polyfills that fetch().
    modulePreload: { polyfill: false },
    sourcemap: false,
    rolldownOptions: { input: EXTRA_PAGES },
  },
  // Tests use vitest.config.ts; this file is only for the extension build.
});
