// What real shops wrap around a field's value, taken off before sources are compared: the
// "Details zu …" eBay hides before a title for screen readers, the variant's colour a shop
// appends to the product's name, a label left in front of a brand or an id ("Marke: Bosch",
// "Art.-Nr.: 12345", "sku:AB-1"), a brand given as a link. Pure: strings in, strings out.
import { fold } from './availability';
import { collapse } from './html-text';

/** eBay's hidden heading prefix, in its languages ("Details zu  Bosch …"). */
const TITLE_BOILERPLATE =
  /^(?:details zu|dettagli su|d[ée]tails sur|detalles (?:de|sobre)|details about|szczeg[óo]ły dotycz[ąa]ce)\s*[:–-]?\s+/iu;

export function cleanTitle(title: string | undefined): string | undefined {
  if (title === undefined) return undefined;
  const cleaned = collapse(title.replace(TITLE_BOILERPLATE, ''));
  return cleaned === '' ? undefined : cleaned;
}

/** Colour names in the shops' languages (folded), the words a variant suffix starts with. */
const COLOURS = new Set(
  [
    // it
    'nero nera bianco bianca rosso rossa blu azzurro verde giallo grigio grigia rosa viola arancione marrone beige argento oro',
    // fr
    'noir noire blanc blanche rouge bleu bleue vert verte jaune gris grise rose violet orange marron argent or',
    // de
    'schwarz weiss rot blau grun gelb grau rosa lila violett orange braun beige silber gold anthrazit',
    // es
    'negro negra blanco blanca rojo roja azul verde amarillo gris rosa morado naranja marron plata dorado',
    // en
    'black white red blue green yellow grey gray pink purple orange brown silver navy',
  ]
    .join(' ')
    .split(' '),
);
/** Where a shop joins the variant to the name: "Name - Blu", "Name – Schwarz", "Name, noir", "Name (Rot)", "Name / Black". */
const VARIANT_SUFFIX = /^(.+?)\s*(?:\s[-–—/|]\s|,\s|\s\()\s*([^-–—/|,()]+?)\)?$/u;

/**
 * The title without the variant's colour, when another source on the page names the product
 * that way: a shop's structured data may describe the selected variant ("Borraccia 500 ml - Blu
 * Notte") while its headline names the product. Without that second opinion the title is kept.
 */
export function withoutVariantColour(title: string, others: readonly (string | undefined)[]): string {
  const match = VARIANT_SUFFIX.exec(title);
  if (!match) return title;
  const [, base, suffix] = match as unknown as [string, string, string];
  const words = fold(suffix)
    .split(/[\s/]+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 3 || !COLOURS.has(words[0]!)) return title;
  return others.some((other) => other !== undefined && fold(other) === fold(base)) ? collapse(base) : title;
}

/** A label a shop printed in front of a brand: "Marke: Bosch", "Marca : Ariete". */
const BRAND_LABEL = /^(?:marke|marca|marque|brand|hersteller|fabricant|produttore|fabricante|manufacturer)\s*[:：]\s*/iu;
/** A byline under a title: "von Bosch", "by Anker", "par Tefal" (not "de", "di": brands start so, De Buyer, Di Martino). */
const BYLINE = /^(?:von|by|par)\s+(\S.{0,58})$/iu;

/** A brand as a name: its label taken off; never a web address. */
export function cleanBrand(brand: string | undefined): string | undefined {
  if (brand === undefined) return undefined;
  const text = collapse(brand.replace(BRAND_LABEL, ''));
  if (text === '' || text.length > 60 || /^(?:https?:)?\/\/|^www\./i.test(text)) return undefined;
  return text;
}

/** The brand a byline names ("von Bosch"), or a brand element's own text ("Marke: Bosch", "Bosch"). */
export function brandFromByline(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const collapsed = collapse(text);
  return cleanBrand(BYLINE.exec(collapsed)?.[1] ?? collapsed);
}

/** A label left in front of an id, with what separates them: "sku:", "SKU ", "mpn:", "Art.-Nr.: ", "Réf. ", "Cod. articolo ". */
const ID_LABEL =
  /^(?:sku|mpn|art(?:ikel)?\.?\s*-?\s*nr\.?|bestell-?nr\.?|r[ée]f(?:[ée]rence|erencia)?\.?|item number|modell?(?:nummer)?|cod(?:ice)?\.?(?: articolo| prodotto)?)(?:\s*[:#]\s*|(?<=\.)\s*|\s+)(?=\S)/iu;

/** A shop's own id without a label in front of it, or undefined when nothing remains. */
export function cleanId(id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const text = collapse(id.replace(ID_LABEL, ''));
  return text === '' ? undefined : text;
}
