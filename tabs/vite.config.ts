import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, loadEnv, type Plugin } from 'vite';

/**
 * The tab app. `source` first so `@qcdc/core` resolves to its TypeScript (the same schemas and
 * formatters the API uses); the local host serves `dist/` and answers `/api` and `/dev-issuer`.
 * `vite dev` proxies those to a running `npm start` (QCDC_API_ORIGIN, default http://127.0.0.1:7071).
 */
export default defineConfig(({ mode }) => {
  const apiOrigin = loadEnv(mode, '.', 'QCDC_')['QCDC_API_ORIGIN'] ?? 'http://127.0.0.1:7071';
  return {
    base: '/',
    plugins: [react(), preloadApp('src/main.tsx'), inlineEntryCss()],
    resolve: { conditions: ['source', ...defaultClientConditions] },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      // Libraries change less often than our code: separate chunks stay cached across releases.
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              // Its own chunk, loaded only inside Teams (see src/teams/teams-host.ts).
              { name: 'teams-js', test: /node_modules[\\/]@microsoft[\\/]teams-js/ },
              {
                name: 'fluent',
                test: /node_modules[\\/](@fluentui|@griffel|@floating-ui|tabster)/,
              },
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
              { name: 'vendor', test: /node_modules[\\/]/ },
            ],
          },
        },
      },
    },
    server: { proxy: { '/api': apiOrigin, '/dev-issuer': apiOrigin } },
  };
});

/**
 * index.html's entry (src/first-paint/boot.ts) paints first and imports the app afterwards, so the
 * app is a dynamic chunk that Vite would fetch only then. This lists it and every chunk it imports
 * statically as script preloads, so the app downloads (and is counted as initial JS) from the start,
 * beside the first paint.
 */
function preloadApp(appModule: string): Plugin {
  return {
    name: 'qcdc-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle;
        if (!bundle) return [];
        const chunks = new Map(
          Object.values(bundle).flatMap((output) =>
            output.type === 'chunk' ? [[output.fileName, output] as const] : [],
          ),
        );
        const app = [...chunks.values()].find((chunk) =>
          chunk.facadeModuleId?.replaceAll('\\', '/').endsWith(appModule),
        );
        if (!app) throw new Error(`preloadApp: no chunk for ${appModule}`);
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
        };
        visit(app.fileName);
        // The entry's own imports are already preloaded by Vite.
        const entry = context.chunk;
        const already = new Set([entry?.fileName, ...(entry?.imports ?? [])]);
        return [...files]
          .filter((file) => !already.has(file))
          .map((file) => ({
            tag: 'link',
            // Fetched beside the first paint's data and scripts, behind them, and not compiled
            // yet: a module preload would compile the framework on the main thread before the
            // first paint. The app's import picks these responses up.
            attrs: {
              rel: 'preload',
              as: 'script',
              crossorigin: true,
              fetchpriority: 'low',
              href: `/${file}`,
            },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

/**
 * The first paint's stylesheet (a few kB, imported by the entry) goes into index.html itself: as a
 * separate file it is one more request the first paint waits for, and the page's module scripts wait
 * for a pending stylesheet before they run.
 */
function inlineEntryCss(): Plugin {
  return {
    name: 'qcdc-inline-entry-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        return html.replace(
          /<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g,
          (link, fileName: string) => {
            const asset = bundle[fileName];
            // The file stays in the build: the app's script loader may still ask for it.
            if (asset?.type !== 'asset') return link;
            return `<style>${String(asset.source)}</style>`;
          },
        );
      },
    },
  };
}
