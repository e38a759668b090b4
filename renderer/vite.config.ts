import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * main.tsx evaluates zod, React DOM and the app a stage at a time, each imported dynamically once the
 * stage before has run (the snapshot is requested before any of them). These links let the browser
 * fetch every stage's chunks alongside main.tsx's instead of one stage after another.
 */
const stageModules = [
  '/renderer/src/zod-config.ts',
  '/node_modules/react-dom/client.js',
  '/renderer/src/app/render-app.tsx',
];

function preloadStageChunks(): Plugin {
  return {
    name: 'janela-preload-stage-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunks = new Map(
          Object.values(context.bundle ?? {}).flatMap((output) =>
            output.type === 'chunk' ? [[output.fileName, output]] : [],
          ),
        );
        const closure = (fileName: string, into: Set<string>, skip: ReadonlySet<string> = new Set()): Set<string> => {
          if (skip.has(fileName) || into.has(fileName)) return into;
          into.add(fileName);
          for (const imported of chunks.get(fileName)?.imports ?? []) closure(imported, into, skip);
          return into;
        };
        // The entry's chunks are preloaded by Vite already.
        const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
        const fetched = entry ? closure(entry.fileName, new Set()) : new Set<string>();
        // The first stage must not evaluate zod: it would build schemas before zod-config.ts ran (a CSP
        // violation), and make the first task long again.
        const withZod = [...fetched].find((fileName) =>
          chunks.get(fileName)?.moduleIds.some((id) => id.includes('/node_modules/zod/')),
        );
        if (withZod) throw new Error(`the first stage of main.tsx imports zod (through ${withZod})`);
        const wanted = new Set<string>();
        for (const module of stageModules) {
          const chunk = [...chunks.values()].find((output) => output.facadeModuleId?.endsWith(module));
          if (!chunk) throw new Error(`the start-up stage ${module} has no chunk of its own in the build`);
          closure(chunk.fileName, wanted, fetched);
        }
        return [...wanted].map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

// The browser host serves this same renderer build; electron-vite builds it for the desktop app.
export const rendererConfig = {
  root: resolve(import.meta.dirname),
  // Relative asset paths: Electron loads the page from file://, the browser host from /.
  base: './',
  plugins: [react(), preloadStageChunks()],
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
