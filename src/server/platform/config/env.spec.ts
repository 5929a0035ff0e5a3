import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, withSecretFiles } from './env';

const VALID = { MONGO_URL: 'mongodb://127.0.0.1:27017/digitalsales', REDIS_URL: 'redis://127.0.0.1:6379' };

function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected parseConfig to throw');
}

describe('parseConfig', () => {
  it('applies the defaults beside the required settings', () => {
    const config = parseConfig(VALID);
    expect(config).toMatchObject({
      ...VALID,
      NODE_ENV: 'development',
      PORT: 3000,
      MONGO_TIMEOUT_MS: 5000,
      REDIS_TIMEOUT_MS: 3000,
      LOG_LEVEL: 'info',
    });
    expect(config.MARKETPLACE_URL_IT).toBeUndefined();
  });

  it('takes a bank account for transfers, the IBAN as typed with spaces, and refuses one whose check digits are wrong', () => {
    const demo = parseConfig(VALID);
    expect({ iban: demo.BANK_IBAN, bic: demo.BANK_BIC }).toEqual({ iban: 'IT60X0542811101000000123456', bic: 'BPMOIT22XXX' });
    const config = parseConfig({
      ...VALID,
      BANK_IBAN: 'de89 3704 0044 0532 0130 00',
      BANK_BIC: 'cobadeffxxx',
      BANK_BENEFICIARY: 'Muster GmbH',
    });
    expect({ iban: config.BANK_IBAN, bic: config.BANK_BIC, name: config.BANK_BENEFICIARY }).toEqual({
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
      name: 'Muster GmbH',
    });
    expect(problemsOf({ ...VALID, BANK_IBAN: 'DE88 3704 0044 0532 0130 00' }).join('\n')).toMatch(/BANK_IBAN.*check digits/);
    expect(problemsOf({ ...VALID, BANK_BIC: 'BANK' }).join('\n')).toMatch(/BANK_BIC/);
  });

  it('hides a credential it refuses, and tells what shape was expected', () => {
    const problems = problemsOf({
      ...VALID,
      SP_API_REFRESH_TOKEN: 'amzn1.oa2-cs.v1.pasted-in-the-wrong-place',
      EBAY_CLIENT_SECRET: 'PRD-1234 ',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^SP_API_REFRESH_TOKEN=\(hidden\) is invalid: expected an LWA refresh token, Atzr\|…$/),
      expect.stringMatching(/^EBAY_CLIENT_SECRET=\(hidden\) is invalid/),
    ]);
    expect(problems.join('\n')).not.toMatch(/pasted-in-the-wrong-place|PRD-1234/);
  });

  it('treats an empty variable as unset and coerces numbers', () => {
    const config = parseConfig({ ...VALID, PORT: '', MONGO_TIMEOUT_MS: '750' });
    expect(config.PORT).toBe(3000);
    expect(config.MONGO_TIMEOUT_MS).toBe(750);
  });

  it('refuses a MONGO_URL that is not a MongoDB connection string, naming the variable', () => {
    const problems = problemsOf({ ...VALID, MONGO_URL: 'http://127.0.0.1:27017' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^MONGO_URL=/);
  });

  it('refuses a missing REDIS_URL', () => {
    const problems = problemsOf({ MONGO_URL: VALID.MONGO_URL });
    expect(problems).toEqual([expect.stringMatching(/^REDIS_URL is not set/)]);
  });

  it('refuses PORT=abc, naming PORT', () => {
    const problems = problemsOf({ ...VALID, PORT: 'abc' });
    expect(problems).toEqual([expect.stringMatching(/^PORT="abc" is invalid/)]);
  });

  it('collects every problem into one error', () => {
    let caught: unknown;
    try {
      parseConfig({ MONGO_URL: 'postgres://x', PORT: '70000', NODE_ENV: 'staging' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const { problems, message } = caught as ConfigError;
    expect(problems).toHaveLength(4);
    for (const name of ['NODE_ENV', 'PORT', 'MONGO_URL', 'REDIS_URL']) {
      expect(problems.some((p) => p.startsWith(name))).toBe(true);
      expect(message).toContain(name);
    }
  });
});

describe('settings from files', () => {
  const files: Record<string, string> = {
    '/run/secrets/mongo-url': 'mongodb://app:pw@mongos1:27017,mongos2:27017/digitalsales?authSource=admin\n',
  };
  const read = (path: string) => {
    const text = files[path];
    if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
    return text;
  };

  it('reads a setting from the file its _FILE names, so a secret need not sit in the environment', () => {
    const env = withSecretFiles({ MONGO_URL_FILE: '/run/secrets/mongo-url', REDIS_URL: 'redis://redis:6379' }, read);
    expect(env['MONGO_URL']).toBe('mongodb://app:pw@mongos1:27017,mongos2:27017/digitalsales?authSource=admin');
    expect(parseConfig({ ...env }).MONGO_URL).toBe(env['MONGO_URL']);
  });

  it('prefers the variable itself, and names a file it cannot read', () => {
    expect(withSecretFiles({ MONGO_URL: 'mongodb://h/db', MONGO_URL_FILE: '/nowhere' }, read)['MONGO_URL']).toBe('mongodb://h/db');
    expect(() => withSecretFiles({ MONGO_URL_FILE: '/nowhere' }, read)).toThrow(/MONGO_URL_FILE="\/nowhere" cannot be read: ENOENT/);
  });
});
