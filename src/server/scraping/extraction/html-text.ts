// Reading text out of parsed pages the way a shopper sees it: collapsed whitespace, no script or
// style text, entities decoded, URLs made absolute, and the label/value pairs of detail tables
// ("EAN", "Marca", "Artikelnummer"). Pure: works on a cheerio document already parsed.
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { fold } from './availability';

/**
 * htmlparser2 rather than cheerio's default parse5: several times faster on product pages and
 * as forgiving of broken markup, which is what scraping needs (and what Crawlee itself uses).
 */
export function parseHtml(html: string): CheerioAPI {
  return load(html, { xml: { xmlMode: false, decodeEntities: true } });
}

export function collapse(text: string): string {
  return text.replace(/[\s\u00A0\u202F\u200E\u200F]+/g, ' ').trim();
}

/** The visible text of an element: script and style contents left out, whitespace collapsed. */
export function textOf($: CheerioAPI, element: AnyNode | undefined): string {
  if (!element) return '';
  const node = $(element);
  if (node.find('script,style,noscript').length === 0) return collapse(node.text());
  return collapse(node.clone().find('script,style,noscript').remove().end().text());
}

/** First non-empty text among the selectors, in order. */
export function firstText($: CheerioAPI, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    for (const element of $(selector).toArray()) {
      const text = textOf($, element);
      if (text) return text;
    }
  }
  return undefined;
}

export function firstAttr($: CheerioAPI, selectors: readonly (readonly [string, string])[]): string | undefined {
  for (const [selector, attribute] of selectors) {
    for (const element of $(selector).toArray()) {
      const value = $(element).attr(attribute)?.trim();
      if (value) return value;
    }
  }
  return undefined;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', euro: '€' };

/** Entities left inside JSON-LD strings by shops that escape their data twice. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** `href` resolved against the page; undefined for what is not an http(s) URL. */
export function absoluteUrl(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The text an element ends with (its last descendant text node): what a label ends with, cheaply. */
function lastText(node: AnyNode | undefined): string {
  while (node && 'children' in node && node.children.length > 0) node = node.children[node.children.length - 1];
  return node?.type === 'text' ? (node as unknown as { data: string }).data : '';
}

/** An element's text if it is at most `max` characters long (scripts included), else undefined: no text built for big blocks. */
export function shortText(node: AnyNode, max: number): string | undefined {
  let length = 0;
  const parts: string[] = [];
  const walk = (n: AnyNode): boolean => {
    if (n.type === 'text') {
      const data = (n as unknown as { data: string }).data;
      length += data.length;
      parts.push(data);
      return length <= max * 2;
    }
    return !('children' in n) || n.children.every(walk);
  };
  return walk(node) ? collapse(parts.join('')).slice(0, max + 1) : undefined;
}

/**
 * Label → value pairs from detail tables and lists: `<tr><th>EAN</th><td>…</td>`, `<dt>/<dd>`,
 * and Amazon's `<span class="a-text-bold">Marca ‏ : ‎</span> <span>…</span>`. Labels are folded
 * (lowercase, no accents) and stripped of the colons and direction marks around them.
 */
export function labelledValues($: CheerioAPI): Map<string, string> {
  const pairs = new Map<string, string>();
  const add = (label: string, value: string) => {
    const key = fold(label)
      .replace(/[\s:‏‎]+$/u, '')
      .replace(/^[\s:]+/, '')
      .trim();
    if (key && value && key.length <= 40 && !pairs.has(key)) pairs.set(key, value);
  };
  $('tr').each((_, row) => {
    const cells = $(row).children('th,td').toArray();
    if (cells.length === 2) add(textOf($, cells[0]), textOf($, cells[1]));
  });
  $('dt').each((_, dt) => {
    const dd = $(dt).next('dd')[0];
    if (dd) add(textOf($, dt), textOf($, dd));
  });
  $('li .a-text-bold, li strong, li b').each((_, label) => {
    const value = $(label).next()[0] as Element | undefined;
    if (value) add(textOf($, label), textOf($, value));
  });
  // A label and its value as sibling elements: `<div class="…labels">EAN:</div><div
  // class="…values">…</div>` (eBay's item specifics), `<span>eBay-Artikelnummer:</span><span>…`.
  // The value may also be bare text after the label: `<small><strong>EAN:</strong> 4011707012070</small>`.
  $('div, span, label, strong, b, p').each((_, el) => {
    if (el.children.length > 3 || !/:\s*$/.test(lastText(el))) return;
    const label = textOf($, el);
    if (!label.endsWith(':') || label.length > 41) return;
    const bare = el.nextSibling?.type === 'text' ? collapse(el.nextSibling.data) : '';
    const next = $(el).next()[0];
    if (bare) add(label, bare);
    else if (next) add(label, textOf($, next));
  });
  // A label element without a colon beside its value: `<label class="label">Référence </label><span>…`.
  $('label, .label').each((_, el) => {
    const next = $(el).next()[0];
    if (next && el.children.length <= 3) add(textOf($, el), textOf($, next));
  });
  // "Label : value" list items, read from their text: survives a label element left unclosed
  // (then the value sits inside it), which sloppy templates do.
  $('li').each((_, li) => {
    const text = textOf($, li);
    const colon = text.indexOf(':');
    if (colon > 0 && colon <= 40 && text.length <= 200) add(text.slice(0, colon), text.slice(colon + 1).trim());
  });
  return pairs;
}

/** The first value whose label is one of `labels` (already folded). */
export function valueFor(pairs: Map<string, string>, labels: readonly string[]): string | undefined {
  for (const label of labels) {
    const value = pairs.get(label);
    if (value) return value;
  }
  return undefined;
}
