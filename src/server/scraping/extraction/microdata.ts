// schema.org microdata (itemscope/itemprop attributes), read into the same JSON shape as JSON-LD
// so one reader serves both. Pure: works on a parsed page.
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { absoluteUrl, textOf } from './html-text';
import type { Candidate } from './listing-merge';
import { mainProduct, productCandidate, type Json, type PageIdentity } from './schema-org';

type ItemValue = string | MicroItem;

/** Properties whose value is a name, which a link carries as its text. */
const NAMED_BY_TEXT = /(?:^|\s)(?:brand|name|manufacturer)(?:\s|$)/;
interface MicroItem {
  readonly type: string;
  readonly props: Map<string, ItemValue[]>;
}

function itemValue($: CheerioAPI, el: Element, base: string): ItemValue {
  const node = $(el);
  if (node.attr('itemscope') !== undefined) return readItem($, el, base);
  const tag = el.tagName.toLowerCase();
  if (tag === 'meta') return node.attr('content') ?? '';
  // A brand or a name marked on a link is its text: the link's address is the shop's brand page.
  if (tag === 'a' && NAMED_BY_TEXT.test(node.attr('itemprop') ?? '') && textOf($, el) !== '') return textOf($, el);
  if (['link', 'a', 'area'].includes(tag)) return absoluteUrl(node.attr('href'), base) ?? node.attr('href') ?? '';
  if (['img', 'source', 'video', 'audio', 'iframe'].includes(tag)) return absoluteUrl(node.attr('src'), base) ?? '';
  if (['data', 'meter'].includes(tag)) return node.attr('value') ?? '';
  if (tag === 'time') return node.attr('datetime') ?? textOf($, el);
  return node.attr('content') ?? textOf($, el);
}

function readItem($: CheerioAPI, scope: Element, base: string): MicroItem {
  const props = new Map<string, ItemValue[]>();
  $(scope)
    .find('[itemprop]')
    .each((_, el) => {
      // A property belongs to the nearest enclosing item only.
      if ($(el).parent().closest('[itemscope]')[0] !== scope) return;
      const value = itemValue($, el, base);
      for (const name of ($(el).attr('itemprop') ?? '').split(/\s+/).filter(Boolean)) props.set(name, [...(props.get(name) ?? []), value]);
    });
  // `itemtype` may list several types; the first names the item.
  return {
    type: ($(scope).attr('itemtype') ?? '')
      .trim()
      .split(/\s+/)[0]!
      .replace(/^.*[/#]/, ''),
    props,
  };
}

function toJson(item: MicroItem): Json {
  const json: Json = { '@type': item.type };
  for (const [name, values] of item.props) {
    const converted = values.map((v) => (typeof v === 'string' ? v : toJson(v)));
    json[name] = converted.length === 1 ? converted[0] : converted;
  }
  return json;
}

/** Product item types: schema.org's (http or https) and Google's retired data-vocabulary.org. */
const MICRODATA_PRODUCT =
  '[itemscope][itemtype*="schema.org/Product" i], [itemscope][itemtype*="schema.org/IndividualProduct" i], [itemscope][itemtype*="data-vocabulary.org/Product" i]';

/** The microdata Product of the page, read as if it were JSON-LD (the vocabulary is the same); 'listing' when it lists several. */
export function microdataCandidate($: CheerioAPI, pageUrl: string, identity: PageIdentity): Candidate | 'listing' | undefined {
  const scopes = $(MICRODATA_PRODUCT)
    .toArray()
    .filter((el) => $(el).parent().closest(MICRODATA_PRODUCT).length === 0);
  const node = mainProduct(
    scopes.map((scope) => toJson(readItem($, scope, pageUrl))),
    identity,
    pageUrl,
  );
  if (node === undefined || node === 'listing') return node;
  return productCandidate(node, pageUrl);
}
