import { describe, expect, it } from 'vitest';
import { productJsonLd } from './page-seo';

describe('productJsonLd', () => {
  it('states the offer as schema.org reads it: a dot decimal price, the currency, availability as a URL', () => {
    const ld = productJsonLd({
      id: 'k3v9x2m1qa',
      title: 'Moka Express',
      brand: 'Bialetti',
      gtin: '8006363011440',
      imageUrl: null,
      url: 'https://shop.example/it/p/moka-express-k3v9x2m1qa',
      offer: { amountCents: 123456, currency: 'EUR', availability: 'in_stock' },
    });
    expect(ld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Moka Express',
      sku: 'k3v9x2m1qa',
      url: 'https://shop.example/it/p/moka-express-k3v9x2m1qa',
      brand: { '@type': 'Brand', name: 'Bialetti' },
      gtin: '8006363011440',
      offers: {
        '@type': 'Offer',
        url: 'https://shop.example/it/p/moka-express-k3v9x2m1qa',
        price: '1234.56',
        priceCurrency: 'EUR',
        availability: 'https://schema.org/InStock',
      },
    });
  });

  it('has no offer for a product not sold in the market', () => {
    expect(productJsonLd({ id: 'x', title: 'T', brand: null, gtin: null, imageUrl: null, url: 'u', offer: null })).not.toHaveProperty(
      'offers',
    );
  });
});
