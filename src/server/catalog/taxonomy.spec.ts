import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../infra/marketplace-simulator/word-lists';
import { MARKET_CODES } from '../../common/markets';
import { CATEGORY_IDS, categoryIdOf, categoryName, isCategoryId, OTHER_CATEGORY, type CategoryId } from './taxonomy';

/** The simulator's category keys and the taxonomy ids its four shops' names must map to. */
const SIMULATOR_CATEGORY: Readonly<Record<string, CategoryId>> = {
  electronics: 'electronics',
  kitchen: 'home-kitchen',
  sports: 'sports',
  toys: 'toys',
  beauty: 'beauty',
  tools: 'diy',
  garden: 'garden',
  pets: 'pets',
  office: 'office',
  automotive: 'automotive',
};

describe('category taxonomy', () => {
  it.each(CATEGORIES.map((c) => [c.key, c] as const))(
    'maps the simulator’s %s category in all four languages to one id',
    (key, category) => {
      for (const market of MARKET_CODES)
        expect(categoryIdOf(category.name[market]), `${market}: ${category.name[market]}`).toBe(SIMULATOR_CATEGORY[key]);
    },
  );

  it('maps real shops’ breadcrumbs, whatever their language, case and accents', () => {
    expect(categoryIdOf('Home & Kitchen')).toBe('home-kitchen');
    expect(categoryIdOf('ÉLECTROMÉNAGER')).toBe('home-kitchen');
    expect(categoryIdOf('Kopfhörer')).toBe('electronics');
    expect(categoryIdOf('Smartphone e cellulari')).toBe('electronics');
    expect(categoryIdOf('Jeux vidéo')).toBe('electronics');
    expect(categoryIdOf('Jeux de société')).toBe('toys');
    expect(categoryIdOf('Zapatillas de running')).toBe('sports');
    expect(categoryIdOf('Casa e cucina')).toBe('home-kitchen');
    expect(categoryIdOf('Salute e cura della persona')).toBe('health');
    expect(categoryIdOf('Bücher')).toBe('books');
    expect(categoryIdOf('Drogerie & Körperpflege')).toBe('health');
    expect(categoryIdOf('Abbigliamento donna')).toBe('fashion');
  });

  it('sends a text that names no category, and a missing one, to other', () => {
    expect(categoryIdOf('Angebote der Woche')).toBe(OTHER_CATEGORY);
    expect(categoryIdOf('')).toBe(OTHER_CATEGORY);
    expect(categoryIdOf(null)).toBe(OTHER_CATEGORY);
  });

  it('keeps an id as it is, so mapping twice changes nothing', () => {
    for (const id of CATEGORY_IDS) expect(categoryIdOf(id)).toBe(id);
    for (const category of CATEGORIES) {
      const once = categoryIdOf(category.name.de);
      expect(categoryIdOf(once)).toBe(once);
    }
  });

  it('names every id in every shop language and in English, each name mapping back to its id', () => {
    for (const id of CATEGORY_IDS) {
      for (const language of [...MARKET_CODES, 'en'] as const) {
        const name = categoryName(id, language);
        expect(name.trim(), `${id} in ${language}`).not.toBe('');
        if (id !== OTHER_CATEGORY) expect(categoryIdOf(name), `${id} in ${language}: ${name}`).toBe(id);
      }
    }
  });

  it('takes ids that read well in a URL', () => {
    for (const id of CATEGORY_IDS) expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    expect(isCategoryId('electronics')).toBe(true);
    expect(isCategoryId('Elettronica')).toBe(false);
    expect(isCategoryId('constructor')).toBe(false);
  });
});
