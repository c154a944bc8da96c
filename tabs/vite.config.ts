import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, loadEnv } from 'vite';

/**
 * The tab app. `source` first so `@qcdc/core` resolves to its TypeScript (the same schemas and
 * formatters the API uses); the local host serves `dist/` and answers `/api` and `/dev-issuer`.
 * `vite dev` proxies those to a running `npm start` (QCDC_API_ORIGIN, default http://127.0.0.1:7071).
 */
export default defineConfig(({ mode }) => {
  const apiOrigin = loadEnv(mode, '.', 'QCDC_')['QCDC_API_ORIGIN'] ?? 'http://127.0.0.1:7071';
  return {
    base: '/',
    plugins: [react()],
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
