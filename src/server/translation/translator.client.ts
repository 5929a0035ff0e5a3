// The translation adapter: DeepL's official Node client (deepl-node) against DEEPL_SERVER_URL,
// which is DeepL itself in production and the simulator's stand-in in development and tests.
// One HTTP call per use, bounded by DEEPL_TIMEOUT_MS and not retried here: the translation job's
// own retries (BullMQ, with backoff) are the one retry policy, visible on the operations page.
import { AuthorizationError, QuotaExceededError, Translator, type SourceLanguageCode, type TargetLanguageCode } from 'deepl-node';
import type { TextLanguage } from '../catalog';
import type { Config } from '../platform/config';

export interface TextTranslator {
  /** The texts, in order, in `to`. Rejects with TranslatorRefused when asking again later cannot help. */
  translate(texts: readonly string[], from: TextLanguage, to: TextLanguage): Promise<string[]>;
}

/** DeepL refused the key or the quota is spent: so it stays for longer than any retry waits. */
export class TranslatorRefused extends Error {
  override readonly name = 'TranslatorRefused';
}

export interface DeeplOptions {
  readonly authKey: string;
  /** @defaultValue DeepL's own server for the key */
  readonly serverUrl?: string;
  readonly timeoutMs: number;
}

export function deeplTranslator(options: DeeplOptions): TextTranslator {
  const client = new Translator(options.authKey, {
    ...(options.serverUrl !== undefined && { serverUrl: options.serverUrl }),
    maxRetries: 0,
    minTimeout: options.timeoutMs,
    sendPlatformInfo: false,
    appInfo: { appName: 'digitalsales', appVersion: '1' },
  });
  return {
    async translate(texts, from, to) {
      if (texts.length === 0) return [];
      try {
        const results = await client.translateText([...texts], from as SourceLanguageCode, to as TargetLanguageCode);
        if (results.length !== texts.length) throw new Error(`DeepL answered ${results.length} translations for ${texts.length} texts`);
        return results.map((r) => r.text);
      } catch (error) {
        if (error instanceof AuthorizationError || error instanceof QuotaExceededError)
          throw new TranslatorRefused(`DeepL: ${error.message}`, { cause: error });
        throw error;
      }
    },
  };
}

/** The translator the configuration describes, or null when DEEPL_AUTH_KEY is unset. */
export function translatorFromConfig(
  config: Pick<Config, 'DEEPL_AUTH_KEY' | 'DEEPL_SERVER_URL' | 'DEEPL_TIMEOUT_MS'>,
): TextTranslator | null {
  if (!config.DEEPL_AUTH_KEY) return null;
  return deeplTranslator({ authKey: config.DEEPL_AUTH_KEY, serverUrl: config.DEEPL_SERVER_URL, timeoutMs: config.DEEPL_TIMEOUT_MS });
}
