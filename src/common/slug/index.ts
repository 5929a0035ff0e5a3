// Slugs: how a title becomes the readable part of a URL.
export * from './slug';
