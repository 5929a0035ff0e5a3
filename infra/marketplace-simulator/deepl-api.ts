// A stand-in for the DeepL API on the control API's address, in DeepL's wire format, so the
// application's official client (deepl-node) talks to it as to api.deepl.com: `POST /v2/translate`
// with the key in `Authorization: DeepL-Auth-Key …`, a form or JSON body of `text` (repeated),
// `source_lang`, `target_lang`, and `{ translations: [{ detected_source_language, text }] }` back;
// `GET|POST /v2/usage` for the characters translated. Errors as DeepL gives them: 403 without a
// key, 400 with `{ message }` naming the parameter, 413 for a body over DeepL's 128 KiB.
import type { IncomingMessage } from 'node:http';
import { SIM_LANGUAGES, translate, type SimLanguage } from './translation';

export const DEEPL_PATH_PREFIX = '/v2/';
const MAX_BODY_BYTES = 128 * 1024;
/** DeepL's own limit on texts per request. */
const MAX_TEXTS = 50;
/** What /v2/usage reports as the allowance: never reached in development. */
const CHARACTER_LIMIT = 1_000_000_000;

export interface DeeplReply {
  readonly status: number;
  readonly body: unknown;
}

/** Characters translated since the simulator started, as DeepL bills them. */
export interface DeeplUsage {
  characters: number;
}

const fail = (status: number, message: string): DeeplReply => ({ status, body: { message } });

async function readBody(req: IncomingMessage): Promise<string | DeeplReply> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return fail(413, `Request Entity Too Large: the body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

interface TranslateParams {
  readonly texts: readonly unknown[];
  readonly sourceLang: unknown;
  readonly targetLang: unknown;
}

function paramsOf(req: IncomingMessage, body: string): TranslateParams | DeeplReply {
  if ((req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return fail(400, 'Invalid JSON in the request body');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail(400, 'The request body must be a JSON object');
    const record = json as Record<string, unknown>;
    return {
      texts: Array.isArray(record['text']) ? record['text'] : record['text'] === undefined ? [] : [record['text']],
      sourceLang: record['source_lang'],
      targetLang: record['target_lang'],
    };
  }
  const form = new URLSearchParams(body);
  return { texts: form.getAll('text'), sourceLang: form.get('source_lang') ?? undefined, targetLang: form.get('target_lang') ?? undefined };
}

/** `DE`, `de`, and for targets the regional `EN-GB`-style codes DeepL accepts, as one of the shops' languages. */
function languageOf(code: unknown): SimLanguage | undefined {
  if (typeof code !== 'string') return undefined;
  const base = code.toLowerCase().split('-')[0];
  return SIM_LANGUAGES.find((l) => l === base);
}

export async function handleDeeplRequest(usage: DeeplUsage, req: IncomingMessage, method: string, path: string): Promise<DeeplReply> {
  const auth = req.headers['authorization'] ?? '';
  if (!/^DeepL-Auth-Key \S+$/.test(auth)) return fail(403, 'Authorization failed: send the key as "Authorization: DeepL-Auth-Key <key>"');
  if (path === '/v2/usage') {
    if (method !== 'GET' && method !== 'POST') return fail(405, 'Method not allowed');
    return { status: 200, body: { character_count: usage.characters, character_limit: CHARACTER_LIMIT } };
  }
  if (path !== '/v2/translate') return fail(404, 'Not found');
  if (method !== 'POST') return fail(405, 'Method not allowed');

  const body = await readBody(req);
  if (typeof body !== 'string') return body;
  const params = paramsOf(req, body);
  if ('status' in params) return params;
  if (params.texts.length === 0) return fail(400, "Parameter 'text' not specified.");
  if (params.texts.length > MAX_TEXTS) return fail(413, `Too many texts: at most ${MAX_TEXTS} per request`);
  if (!params.texts.every((t): t is string => typeof t === 'string'))
    return fail(400, "Parameter 'text' must be a string or an array of strings.");
  if (params.targetLang === undefined) return fail(400, "Parameter 'target_lang' not specified.");
  const target = languageOf(params.targetLang);
  if (!target)
    return fail(
      400,
      `Value for 'target_lang' not supported: ${String(params.targetLang)} (this stand-in translates ${SIM_LANGUAGES.join(', ').toUpperCase()})`,
    );
  const source = params.sourceLang === undefined || params.sourceLang === '' ? null : languageOf(params.sourceLang);
  if (source === undefined) return fail(400, `Value for 'source_lang' not supported: ${String(params.sourceLang)}`);

  const translations = params.texts.map((text) => {
    const result = translate(text, source, target);
    usage.characters += text.length;
    return { detected_source_language: result.detected.toUpperCase(), text: result.text, billed_characters: text.length };
  });
  return { status: 200, body: { translations } };
}
