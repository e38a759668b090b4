import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The browser host serves this same renderer build; electron-vite builds it for the desktop app.
export const rendererConfig = {
  root: resolve(import.meta.dirname),
  // Relative asset paths: Electron loads the page from file://, the browser host from /.
  base: './',
  plugins: [react()],
  build: { outDir: resolve(import.meta.dirname, '../out/renderer'), emptyOutDir: true },
};

export default defineConfig(rendererConfig);
