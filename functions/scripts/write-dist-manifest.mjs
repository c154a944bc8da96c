// Completes functions/dist as the deployable app: the Functions host reads host.json and the
// package.json `main`; the bundle (dist/index.js) already contains our code and its dependencies.
import { copyFile, writeFile } from 'node:fs/promises';

const dist = new URL('../dist/', import.meta.url);
await copyFile(new URL('../host.json', import.meta.url), new URL('host.json', dist));
await writeFile(
  new URL('package.json', dist),
  `${JSON.stringify({ name: 'qcdc-functions', private: true, type: 'module', main: 'index.js' }, null, 2)}\n`,
);
