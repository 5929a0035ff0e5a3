// Application-generated ids: made before the document exists, so writes can be retried safely.
export * from './ids';
