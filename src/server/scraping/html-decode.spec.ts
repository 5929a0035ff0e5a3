import { describe, expect, it } from 'vitest';
import { charsetOf, declaredCharset, decodeHtml } from './html-decode';

const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => (c === '€' ? 0x80 : c === '„' ? 0x84 : c === '“' ? 0x93 : c.charCodeAt(0))));

describe('decodeHtml', () => {
  it('decodes by the charset the page declares in a meta tag, with windows-1252 for ISO-8859-1', () => {
    const bytes = cp1252('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>Größe: 29,- € „gut“</p>');
    expect(decodeHtml(bytes)).toContain('Größe: 29,- € „gut“');
  });

  it('prefers the HTTP charset, then the byte-order mark', () => {
    const utf8 = new TextEncoder().encode('<meta charset="iso-8859-1"><p>Qualità €</p>');
    expect(decodeHtml(utf8, 'text/html; charset=utf-8')).toContain('Qualità €');
    expect(decodeHtml(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]), 'text/html; charset=iso-8859-1')).toContain('Qualità €');
  });

  it('falls back to windows-1252 when undeclared bytes are not UTF-8', () => {
    expect(decodeHtml(cp1252('<p>Préférence 12,- €</p>'))).toBe('<p>Préférence 12,- €</p>');
  });

  it('reads charsets from headers and markup', () => {
    expect(charsetOf('text/html;charset="Shift_JIS"')).toBe('shift_jis');
    expect(declaredCharset(new TextEncoder().encode('<html><head><meta charset=windows-1252>'))).toBe('windows-1252');
  });
});
