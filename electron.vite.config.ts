/**
 * Build of the three parts into out/: main (ESM), preload (CommonJS: Electron runs a sandboxed preload as a
 * plain script) and the renderer (React). Main and preload bundle their dependencies, so the packaged app
 * needs no node_modules at run time.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      externalizeDeps: false,
      outDir: resolve(root, 'out/main'),
      lib: { entry: resolve(root, 'electron/main/index.ts') },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      outDir: resolve(root, 'out/preload'),
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // Relative asset URLs work on app://desk/ and on the browser-mode bridge alike.
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
