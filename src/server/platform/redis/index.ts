// Redis: how the app and the workers connect to it.
export * from './redis';
export * from './window-counter';
