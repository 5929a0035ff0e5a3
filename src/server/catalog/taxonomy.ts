// The one category taxonomy of the catalog: a fixed list of ids, each named in the four shop
// languages (and in English for the back office), and the rule that maps the category text a
// shop prints (a breadcrumb, JSON-LD `category`, in whatever language that shop speaks) to one
// id. Products store the id, so a listing filters and facets by it and shows the market's name;
// a scraped text that maps to nothing is `other`. Pure: no I/O.
import { z } from 'zod';
import type { MarketCode } from '../../common/markets';
import { tokenize } from './search-tokens';

interface CategoryEntry {
  readonly name: Readonly<Record<MarketCode | 'en', string>>;
  /**
   * Words and phrases (folded as search tokens are: lowercase, no accents) that name the
   * category or its usual subcategories in shops' breadcrumbs; each matches a text's word by its
   * start, so `elettronic` covers `elettronica` and `elettronici`.
   */
  readonly keywords: readonly string[];
}

/** In the order listings offer them when names tie; `other` last, since it catches the rest. */
const TAXONOMY = {
  electronics: {
    name: { it: 'Elettronica', fr: 'High-tech', de: 'Elektronik', es: 'Electrónica', en: 'Electronics' },
    keywords: [
      'elettronic',
      'electroni',
      'elektroni',
      'high tech',
      'hifi',
      'hi fi',
      'audio',
      'foto',
      'photo',
      'camera',
      'kamera',
      'fotocamer',
      'appareil photo',
      'informatic',
      'informatique',
      'informatik',
      'computer',
      'ordinateur',
      'ordenador',
      'pc',
      'laptop',
      'notebook',
      'portatil',
      'tablet',
      'smartphone',
      'cellular',
      'telefon',
      'telephon',
      'handy',
      'movil',
      'tv',
      'televisor',
      'televiseur',
      'fernseher',
      'tele',
      'cuffie',
      'casque',
      'kopfhorer',
      'auricular',
      'headphone',
      'altoparlant',
      'enceinte',
      'lautsprecher',
      'altavo',
      'speaker',
      'videogioch',
      'jeux video',
      'videospiel',
      'videojuego',
      'video game',
      'gaming',
      'console',
      'konsole',
      'power bank',
      'caricabatteri',
      'chargeur',
      'ladegerat',
      'cargador',
    ],
  },
  'home-kitchen': {
    name: { it: 'Casa e cucina', fr: 'Cuisine et maison', de: 'Küche und Haushalt', es: 'Hogar y cocina', en: 'Home and kitchen' },
    keywords: [
      'casa',
      'cucina',
      'cuisine',
      'maison',
      'kuche',
      'haushalt',
      'wohnen',
      'hogar',
      'cocina',
      'home',
      'kitchen',
      'household',
      'elettrodomestic',
      'electromenager',
      'haushaltsgerat',
      'electrodomestic',
      'arredament',
      'ameublement',
      'mobel',
      'mueble',
      'furniture',
      'caffettier',
      'cafetier',
      'kaffeemaschin',
      'cafetera',
      'coffee',
      'pentol',
      'casserol',
      'topf',
      'olla',
      'illuminazion',
      'luminaire',
      'leuchte',
      'iluminacion',
      'lighting',
    ],
  },
  sports: {
    name: {
      it: 'Sport e tempo libero',
      fr: 'Sports et loisirs',
      de: 'Sport und Freizeit',
      es: 'Deportes y aire libre',
      en: 'Sports and outdoors',
    },
    keywords: [
      'sport',
      'deport',
      'tempo libero',
      'loisir',
      'freizeit',
      'aire libre',
      'outdoor',
      'fitness',
      'ciclismo',
      'cyclisme',
      'fahrrad',
      'bicicleta',
      'bicicl',
      'velo',
      'running',
      'camping',
      'campeggio',
      'escursion',
      'randonnee',
      'wandern',
      'senderismo',
    ],
  },
  toys: {
    name: { it: 'Giochi e giocattoli', fr: 'Jeux et jouets', de: 'Spielzeug', es: 'Juguetes y juegos', en: 'Toys and games' },
    keywords: [
      'giocattol',
      'giochi',
      'gioco',
      'jouet',
      'jeux',
      'jeu',
      'spielzeug',
      'spiele',
      'juguet',
      'juegos',
      'toy',
      'games',
      'puzzle',
      'lego',
      'peluch',
    ],
  },
  beauty: {
    name: { it: 'Bellezza', fr: 'Beauté et parfum', de: 'Beauty', es: 'Belleza', en: 'Beauty' },
    keywords: [
      'bellezza',
      'beaute',
      'beauty',
      'belleza',
      'cosmetic',
      'kosmetik',
      'profum',
      'parfum',
      'perfum',
      'trucco',
      'maquillage',
      'make up',
      'maquillaje',
      'skincare',
      'cura della pelle',
      'soin',
      'hautpflege',
      'cuidado facial',
      'capelli',
      'cheveux',
      'haarpflege',
      'cabello',
    ],
  },
  diy: {
    name: { it: 'Fai da te', fr: 'Bricolage', de: 'Baumarkt', es: 'Bricolaje y herramientas', en: 'DIY and tools' },
    keywords: [
      'fai da te',
      'bricola',
      'baumarkt',
      'heimwerk',
      'diy',
      'utensil',
      'attrezz',
      'outil',
      'werkzeug',
      'herramient',
      'tools',
      'ferrament',
      'quincaillerie',
      'eisenwaren',
      'ferreteria',
      'trapan',
      'perceuse',
      'bohrmaschin',
      'taladr',
    ],
  },
  garden: {
    name: { it: 'Giardino', fr: 'Jardin', de: 'Garten', es: 'Jardín', en: 'Garden' },
    keywords: [
      'giardin',
      'jardin',
      'garten',
      'garden',
      'orto',
      'potager',
      'huerto',
      'terrazz',
      'terrasse',
      'terraza',
      'piante',
      'plantes',
      'pflanzen',
      'plantas',
      'barbecue',
      'grill',
    ],
  },
  pets: {
    name: { it: 'Animali domestici', fr: 'Animalerie', de: 'Haustier', es: 'Mascotas', en: 'Pet supplies' },
    keywords: [
      'animali',
      'animal',
      'animaux',
      'animalerie',
      'haustier',
      'tierbedarf',
      'mascota',
      'pet',
      'cane',
      'cani',
      'chien',
      'hund',
      'perro',
      'gatt',
      'chat',
      'katze',
      'gato',
    ],
  },
  office: {
    name: { it: 'Ufficio e cancelleria', fr: 'Fournitures de bureau', de: 'Bürobedarf', es: 'Oficina y papelería', en: 'Office supplies' },
    keywords: [
      'ufficio',
      'cancelleria',
      'bureau',
      'papeterie',
      'buro',
      'schreibwaren',
      'oficina',
      'papeleria',
      'office',
      'stationery',
      'scuola',
      'scolaire',
      'schulbedarf',
      'escolar',
    ],
  },
  automotive: {
    name: { it: 'Auto e moto', fr: 'Auto et moto', de: 'Auto und Motorrad', es: 'Coche y moto', en: 'Automotive' },
    keywords: ['auto', 'moto', 'motorrad', 'coche', 'voiture', 'automotive', 'automobil', 'kfz', 'pneumatic', 'pneu', 'reifen', 'neumatic'],
  },
  fashion: {
    name: { it: 'Moda', fr: 'Mode', de: 'Mode', es: 'Moda', en: 'Fashion' },
    keywords: [
      'moda',
      'mode',
      'fashion',
      'abbigliament',
      'vetement',
      'bekleidung',
      'kleidung',
      'ropa',
      'clothing',
      'scarpe',
      'chaussure',
      'schuhe',
      'zapato',
      'shoes',
      'borse',
      'sacs',
      'taschen',
      'bolsos',
      'gioiell',
      'bijou',
      'schmuck',
      'joyeria',
      'orolog',
      'montre',
      'uhren',
      'relojes',
    ],
  },
  books: {
    name: { it: 'Libri', fr: 'Livres', de: 'Bücher', es: 'Libros', en: 'Books' },
    keywords: ['libri', 'libro', 'livre', 'bucher', 'buch', 'libros', 'books', 'ebook', 'fumett', 'bande dessinee', 'comic'],
  },
  health: {
    name: {
      it: 'Salute e cura della persona',
      fr: 'Santé et soins',
      de: 'Drogerie und Gesundheit',
      es: 'Salud y cuidado personal',
      en: 'Health and personal care',
    },
    keywords: [
      'salute',
      'cura della persona',
      'sante',
      'hygiene',
      'gesundheit',
      'drogerie',
      'salud',
      'cuidado personal',
      'health',
      'personal care',
      'igiene',
      'higiene',
      'parafarmac',
      'parapharmac',
    ],
  },
  baby: {
    name: { it: 'Prima infanzia', fr: 'Bébé et puériculture', de: 'Baby', es: 'Bebé', en: 'Baby' },
    keywords: [
      'prima infanzia',
      'neonat',
      'bebe',
      'puericultur',
      'baby',
      'kinderwagen',
      'passeggin',
      'poussette',
      'carrito de bebe',
      'pannolin',
      'couche',
      'windeln',
      'panal',
    ],
  },
  grocery: {
    name: { it: 'Alimentari', fr: 'Épicerie', de: 'Lebensmittel', es: 'Alimentación', en: 'Grocery' },
    keywords: [
      'alimentar',
      'alimentari',
      'epicerie',
      'lebensmittel',
      'alimentacion',
      'grocery',
      'food',
      'bevand',
      'boisson',
      'getrank',
      'bebida',
      'drinks',
      'vino',
      'vin',
      'wein',
    ],
  },
  other: {
    name: { it: 'Altro', fr: 'Autres', de: 'Sonstiges', es: 'Otros', en: 'Other' },
    keywords: [],
  },
} as const satisfies Record<string, CategoryEntry>;

export type CategoryId = keyof typeof TAXONOMY;
export const CATEGORY_IDS = Object.keys(TAXONOMY) as [CategoryId, ...CategoryId[]];
export const CategoryId = z.enum(CATEGORY_IDS);

/** Where a category text that names none of the others goes. */
export const OTHER_CATEGORY: CategoryId = 'other';

export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === 'string' && Object.hasOwn(TAXONOMY, value);
}

/** The category's name in a shop language, or in English for the back office. */
export function categoryName(id: CategoryId, language: MarketCode | 'en'): string {
  return TAXONOMY[id].name[language];
}

const words = (text: string) => ` ${tokenize(text).join(' ')}`;

/** Every entry's names and keywords as they are matched, longest first so a phrase beats its first word. */
const MATCHERS: readonly { readonly id: CategoryId; readonly keyword: string }[] = CATEGORY_IDS.flatMap((id) => {
  const entry: CategoryEntry = TAXONOMY[id];
  return [...Object.values(entry.name).filter(() => id !== OTHER_CATEGORY), ...entry.keywords].map((keyword) => ({
    id,
    keyword: words(keyword),
  }));
})
  .filter((m) => m.keyword.trim() !== '')
  .sort((a, b) => b.keyword.length - a.keyword.length);

/**
 * The taxonomy id of a shop's category text: the keyword that starts earliest in the text wins
 * (a breadcrumb names its broad category before its qualifiers: "Casa e cucina" is home even
 * though "cucina" follows), the longest at a tie ("jeux video" is electronics, "jeux" toys).
 * An id passes through unchanged; nothing matched, or no text, is `other`.
 */
export function categoryIdOf(text: string | null | undefined): CategoryId {
  if (!text) return OTHER_CATEGORY;
  if (isCategoryId(text)) return text;
  let id = matched.get(text);
  if (id === undefined) {
    // A shop repeats a few hundred breadcrumbs over its whole catalog: matching each once keeps
    // a bulk load from spending more time here than in its database writes.
    if (matched.size >= MATCHED_TEXTS) matched.clear();
    id = firstCategoryIn(text);
    matched.set(text, id);
  }
  return id;
}

const MATCHED_TEXTS = 10_000;
const matched = new Map<string, CategoryId>();

function firstCategoryIn(text: string): CategoryId {
  const haystack = `${words(text)} `;
  let best: { id: CategoryId; at: number } | null = null;
  for (const { id, keyword } of MATCHERS) {
    const at = haystack.indexOf(keyword);
    if (at >= 0 && (best === null || at < best.at)) best = { id, at };
  }
  return best?.id ?? OTHER_CATEGORY;
}
