import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * main.tsx imports React and the app (the chat list) dynamically, so the snapshot is requested
 * before their code is evaluated; this link lets the browser fetch that chunk alongside main.tsx's
 * instead of after it.
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'janela-preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunk = Object.values(context.bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.facadeModuleId?.endsWith('/renderer/src/app/render-app.tsx'),
        );
        if (!chunk) throw new Error('the app chunk (renderer/src/app/render-app.tsx) is missing from the build');
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

// The browser host serves this same renderer build; electron-vite builds it for the desktop app.
export const rendererConfig = {
  root: resolve(import.meta.dirname),
  // Relative asset paths: Electron loads the page from file://, the browser host from /.
  base: './',
  plugins: [react(), preloadAppChunk()],
  build: {
    outDir: resolve(import.meta.dirname, '../out/renderer'),
    emptyOutDir: true,
    // One stylesheet in the order of src/app/stylesheets.ts, whichever screen's chunk loads first.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        // zod in a chunk of its own: left to itself the bundler merges it into a chunk the first stage
        // of main.tsx imports, and evaluating zod would be part of that stage's task again.
        codeSplitting: { groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/ }] },
      },
    },
  },
};

export default defineConfig(rendererConfig);
