import type { TestProject } from 'vitest/node';
import { startAzurite } from '../../src/dev/azurite';

declare module 'vitest' {
  export interface ProvidedContext {
    storageConnection: string;
  }
}

/** One real Azurite (in memory, free port) for the whole functions test run; stopped at the end. */
export default async function setup(project: TestProject) {
  const azurite = await startAzurite();
  project.provide('storageConnection', azurite.connectionString);
  return async () => {
    await azurite.stop();
  };
}
