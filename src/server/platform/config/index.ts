// Configuration: the zod table of environment settings and how the process reads it.
export * from './env';
export * from './proxy-entry';
