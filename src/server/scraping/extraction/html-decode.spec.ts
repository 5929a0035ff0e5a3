import { describe, expect, it } from 'vitest';
import { charsetOf, declaredCharset, decodeHtml } from './html-decode';

const cp1252 = (text: string) =>
  Uint8Array.from([...text].map((c) => (c === '€' ? 0x80 : c === '„' ? 0x84 : c === '“' ? 0x93 : c.charCodeAt(0))));

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

  it('reads a page declared ISO-8859-1 whose bytes are UTF-8 as UTF-8, and one declared UTF-8 in Latin bytes as windows-1252', () => {
    expect(decodeHtml(new TextEncoder().encode('<meta charset="iso-8859-1"><h1>Caffè Più</h1>'))).toContain('Caffè Più');
    expect(decodeHtml(cp1252('<meta charset="utf-8"><h1>Préférence 12,- €</h1>'))).toContain('Préférence 12,- €');
  });

  it('decodes the Asian and Latin-9 charsets pages declare', () => {
    const sjis = Uint8Array.from([
      ...new TextEncoder().encode('<meta charset="Shift_JIS"><p>'),
      0x8d,
      0xdd,
      0x8c,
      0xc9,
      0x82,
      0xa0,
      0x82,
      0xe8,
      ...new TextEncoder().encode('</p>'),
    ]);
    expect(decodeHtml(sjis)).toContain('<p>在庫あり</p>');
    const latin9 = Uint8Array.from([
      ...new TextEncoder().encode('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15"><p>'),
      0xbd,
      0x75,
      0x66,
      0x20,
      0xa4,
      ...new TextEncoder().encode('</p>'),
    ]);
    expect(decodeHtml(latin9)).toContain('<p>œuf €</p>');
  });

  it('reads charsets from headers and markup', () => {
    expect(charsetOf('text/html;charset="Shift_JIS"')).toBe('shift_jis');
    expect(declaredCharset(new TextEncoder().encode('<html><head><meta charset=windows-1252>'))).toBe('windows-1252');
  });
});
