import { describe, expect, it } from 'vitest';
import { productIdFromSlugId, productPath } from './product';

describe('product URLs', () => {
  it('takes the id from the end of {slug}-{id}', () => {
    expect(productIdFromSlugId('moka-express-6-cups-k3v9x2m1qa')).toBe('k3v9x2m1qa');
    expect(productIdFromSlugId('k3v9x2m1qa')).toBe('k3v9x2m1qa');
  });

  it('refuses what cannot be an id', () => {
    expect(productIdFromSlugId('moka-express-')).toBeNull();
    expect(productIdFromSlugId('moka-ABC')).toBeNull();
  });

  it('builds the path the page answers', () => {
    expect(productPath('fr', { slug: 'moka-express', id: 'k3v9x2m1qa' })).toBe('/fr/p/moka-express-k3v9x2m1qa');
  });
});
