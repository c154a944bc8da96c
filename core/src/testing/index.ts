export * from './in-memory-repositories';
