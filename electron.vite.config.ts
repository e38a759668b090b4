import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { rendererConfig } from './renderer/vite.config';

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: { rollupOptions: { input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') } } },
  },
  preload: {
    // A sandboxed preload can require only electron: bundle everything else (zod, the contract).
    plugins: [externalizeDepsPlugin({ exclude: ['zod'] })],
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      // rolldownOptions, like the renderer's own config: set beside it, rollupOptions would be ignored.
      rolldownOptions: {
        ...rendererConfig.build.rolldownOptions,
        input: resolve(import.meta.dirname, 'renderer/index.html'),
      },
    },
  },
});
