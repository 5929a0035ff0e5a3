// Bytes to text as the page declares them: the HTTP charset if given, else the byte-order mark,
// else `<meta charset>` / `<meta http-equiv="Content-Type">` in the first kilobytes, else UTF-8
// (with windows-1252 as the fallback when UTF-8 does not decode, as browsers effectively do for
// old European shops). A saved page loses the HTTP header that decided its charset, and pages
// whose markup says ISO-8859-1 while the server sent UTF-8 are common: bytes declared as a
// single-byte Latin charset that are valid UTF-8 with multi-byte sequences are read as UTF-8
// (Latin-1 text is almost never valid UTF-8 by chance), and bytes declared UTF-8 without one
// valid multi-byte sequence among invalid ones as windows-1252. Pure: TextDecoder only, which
// Node ships with full ICU (Shift_JIS, EUC-KR, GBK, Big5, ISO-8859-x…).

/** Heads with big inline scripts put `<meta charset>` late; browsers look at 1 KB, shops need more. */
const SNIFF_BYTES = 16_384;

/** The charset named in a Content-Type value such as `text/html; charset=ISO-8859-1`. */
export function charsetOf(contentType: string | null | undefined): string | undefined {
  const match = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

/** The charset a page's own markup declares, read from its first bytes as ASCII. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  const meta = /<meta\s[^>]*charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return meta[1]!.toLowerCase();
  const xml = /^<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return xml?.[1]?.toLowerCase();
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/**
 * windows-1252 bytes 0x80–0x9F (€, ‚, „, …, ‘, ’, “, ”, –, —, ™, Š, Ž, Ÿ…). Node 20's TextDecoder
 * labels latin1 and windows-1252 as one but decodes them as ISO-8859-1, turning `€` (0x80) into
 * the control character U+0080; pages that declare ISO-8859-1 use these bytes too (browsers
 * read them as windows-1252, as the WHATWG Encoding standard says).
 */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

interface Decoder {
  decode(bytes: Uint8Array): string;
}

const windows1252: Decoder = {
  decode(bytes) {
    return new TextDecoder('latin1').decode(bytes).replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  },
};

function decoderFor(label: string | undefined): Decoder | undefined {
  if (!label) return undefined;
  try {
    const decoder = new TextDecoder(label);
    return decoder.encoding === 'windows-1252' ? windows1252 : decoder;
  } catch {
    return undefined; // an unknown label is as good as none
  }
}

const SINGLE_BYTE_LATIN = /^(?:windows-125\d|iso-8859-\d+|latin\d?|l\d|cp125\d|us-ascii|ascii|x-cp125\d)$/i;

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const isUtf8 = (decoder: Decoder) => decoder instanceof TextDecoder && decoder.encoding === 'utf-8';

export function decodeHtml(bytes: Uint8Array, contentType?: string | null): string {
  const explicit = decoderFor(bomCharset(bytes)) ?? decoderFor(charsetOf(contentType));
  if (explicit) return explicit.decode(bytes);
  const label = declaredCharset(bytes);
  const declared = decoderFor(label);
  const utf8 = strictUtf8(bytes);
  if (!declared || isUtf8(declared)) {
    if (utf8 !== undefined) return utf8;
    if (!declared) return windows1252.decode(bytes);
    const lenient = declared.decode(bytes);
    return /[\u0080-\uFFFC\uFFFE\uFFFF]/.test(lenient) ? lenient : windows1252.decode(bytes);
  }
  if (SINGLE_BYTE_LATIN.test(label!) && utf8 !== undefined && /[\u0080-\uFFFF]/.test(utf8)) return utf8;
  return declared.decode(bytes);
}
