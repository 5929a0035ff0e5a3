// Whether a page says the product can be bought now, from schema.org values or from the
// sentence shops print near the buy button, in Italian, French, German, Spanish and English
// (and the commonest ones in Dutch, Portuguese, Polish, Swedish and Japanese, for the pages of
// shops elsewhere that the extraction command is measured on). Pure: no I/O.
import type { Availability } from '../../catalog';

/** schema.org ItemAvailability, by the last path segment (`http://schema.org/InStock`, `InStock`). */
const SCHEMA_ORG: Readonly<Record<string, Availability>> = {
  instock: 'in_stock',
  limitedavailability: 'in_stock',
  onlineonly: 'in_stock',
  instoreonly: 'in_stock',
  outofstock: 'out_of_stock',
  soldout: 'out_of_stock',
  discontinued: 'out_of_stock',
  // Orderable but not in stock: nothing we could ship to our shopper now.
  preorder: 'out_of_stock',
  presale: 'out_of_stock',
  backorder: 'out_of_stock',
  // Made when ordered: sold, with a longer delivery.
  madetoorder: 'in_stock',
};

export function availabilityFromSchemaOrg(value: unknown): Availability | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const key = value
    .trim()
    .split(/[/#:]/)
    .pop()!
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  return SCHEMA_ORG[key];
}

// Negative phrases come first and are checked first: most of them contain a positive one
// ("non disponibile" ⊃ "disponibile", "nicht verfügbar" ⊃ "verfügbar", "rupture de stock" ⊃ "stock").
// Written without accents: text is folded before matching (see `fold`).
const OUT_OF_STOCK = [
  // it
  'non disponibile',
  'non e disponibile',
  'esaurito',
  'non piu disponibile',
  'attualmente non disponibile',
  'prossimamente',
  'in arrivo',
  'preordina',
  // fr
  'rupture de stock',
  'en rupture',
  'indisponible',
  'non disponible',
  'epuise',
  "n'est plus disponible",
  'plus en stock',
  'bientot disponible',
  'precommande',
  'precommander',
  // de
  'nicht verfugbar',
  'nicht auf lager',
  'ausverkauft',
  'nicht lieferbar',
  'vergriffen',
  'nicht vorratig',
  'demnachst verfugbar',
  'vorbestellen',
  'vorbestellbar',
  'angebot wurde beendet',
  // es
  'no disponible',
  'agotado',
  'sin stock',
  'fuera de stock',
  'sin existencias',
  'proximamente',
  'reserva ya',
  'preventa',
  // en
  'out of stock',
  'currently unavailable',
  'sold out',
  'unavailable',
  'not available',
  'no longer available',
  'coming soon',
  'pre-order',
  'preorder',
  'back-order',
  'backorder',
  'listing was ended',
  'listing has ended',
  // nl, pt, pl, sv, ja
  'niet op voorraad',
  'uitverkocht',
  'niet leverbaar',
  'esgotado',
  'indisponivel',
  'niedostepny',
  'brak w magazynie',
  'slut i lager',
  'ej i lager',
  'tillfalligt slut',
  '在庫切れ',
  '取り扱いできません',
  'neni skladem',
  'vyprodano',
  // A button offering to tell the shopper when the item is back ("Avísame cuando esté disponible"):
  // it holds the word "available" but stands where the buy button would be.
  'avvisami quando',
  'avvisatemi quando',
  'wenn verfugbar',
  'wenn wieder verfugbar',
  'wieder verfugbar',
  "m'alerter",
  'prevenez-moi',
  'me prevenir',
  'avisame cuando',
  'notificame cuando',
  'notify me when',
  'email me when',
].map((phrase) => fold(phrase));
const IN_STOCK = [
  // it
  'disponibilita immediata',
  'disponibile',
  'in magazzino',
  'rimasti',
  'rimasto',
  'generalmente spedito',
  'ultimi pezzi',
  'pochi pezzi',
  // fr
  'en stock',
  'il ne reste plus',
  'disponible',
  'expedie sous',
  // de
  'auf lager',
  'sofort lieferbar',
  'lieferbar',
  'verfugbar',
  'vorratig',
  'sofort versandfertig',
  // es
  'solo queda',
  'quedan',
  'disponible',
  // en
  'in stock',
  'left in stock',
  'available',
  'ships within',
  // nl, pt, pl, sv, ja
  'op voorraad',
  'leverbaar',
  'em estoque',
  'dostepny',
  'w magazynie',
  'i lager',
  '在庫あり',
  'skladem',
].map((phrase) => fold(phrase));

/** Lowercase, accent-free, one kind of apostrophe and space: `Disponibilità` → `disponibilita`. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’ʼ`´]/g, "'")
    .replace(/[\s\u00A0\u202F]+/g, ' ')
    .toLowerCase()
    .trim();
}

/** The availability a sentence states, or undefined when it states none. */
export function availabilityFromText(text: string | null | undefined): Availability | undefined {
  if (!text) return undefined;
  // The sentence leads its element; on sloppy markup (closing tags missing) the element runs on
  // into the rest of the page, which must not be read for stock words.
  const folded = fold(text).slice(0, 160);
  if (folded === '') return undefined;
  // "Nur noch 3", "Solo 2 rimasti", "Only 1 left": a count of items left means it is in stock,
  // whatever follows ("solo 3 -- ordina subito (ulteriori in arrivo)": more are on the way).
  if (/\b(nur noch|solo|only|plus que) [1-9]\d*\b/.test(folded)) return 'in_stock';
  if (OUT_OF_STOCK.some((phrase) => containsPhrase(folded, phrase))) return 'out_of_stock';
  if (IN_STOCK.some((phrase) => containsPhrase(folded, phrase))) return 'in_stock';
  return undefined;
}

/** The buy button, in our languages and English: a page that offers one sells the item now. */
const BUY_BUTTON =
  /^(?:add to (?:cart|basket|bag)|buy now|buy it now|aggiungi al carrello|compra ora|compralo subito|ajouter au panier|acheter|achat immediat|in den warenkorb|jetzt kaufen|sofort-kaufen|a[nñ]adir (?:al carrito|a la cesta)|comprar|compralo ya|in winkelwagen|do koszyka|vlozit do kosiku|カートに入れる)$/;

/** Whether a button's label is the shop's buy button. */
export function isBuyButton(label: string): boolean {
  return BUY_BUTTON.test(fold(label));
}

function containsPhrase(text: string, phrase: string): boolean {
  const at = text.indexOf(phrase);
  if (at < 0) return false;
  const before = at === 0 ? ' ' : text[at - 1]!;
  const after = text[at + phrase.length] ?? ' ';
  return !/[a-z]/.test(before) && !/[a-z]/.test(after);
}
