import { MongoNetworkError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../platform/config';
import { describeRuntimeFailure, failedDependency } from './runtime-failure';

describe('describeRuntimeFailure', () => {
  it('names the wrong settings without echoing their values', () => {
    const error = new ConfigError([
      'MONGO_URL="mongodb+srv://shop:s3cret@db.example" is invalid: expected a MongoDB connection string',
      'REDIS_URL is not set: Redis for queues',
    ]);
    const reason = describeRuntimeFailure(error);
    expect(reason).toBe('invalid configuration: MONGO_URL, REDIS_URL');
    expect(reason).not.toContain('s3cret');
  });

  it('passes a connection failure through', () => {
    expect(describeRuntimeFailure(new Error('connect ECONNREFUSED 127.0.0.1:6390'))).toBe(
      'MongoDB or Redis is unavailable: connect ECONNREFUSED 127.0.0.1:6390',
    );
  });
});

describe('failedDependency', () => {
  it('blames MongoDB for MongoDB driver errors, Redis for the rest, nobody for configuration', () => {
    const refused = new MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27017');
    expect(failedDependency(refused)).toBe('mongodb');
    expect(failedDependency(new Error('index of customers conflicts', { cause: refused }))).toBe('mongodb');
    expect(failedDependency(new Error('connect ECONNREFUSED 127.0.0.1:6379'))).toBe('redis');
    expect(failedDependency(new ConfigError(['REDIS_URL is not set: Redis']))).toBeNull();
  });
});
