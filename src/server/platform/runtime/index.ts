// Runtime: the process's shared MongoDB and Redis connections, and how worker processes run.
export * from './runtime';
export * from './worker';
