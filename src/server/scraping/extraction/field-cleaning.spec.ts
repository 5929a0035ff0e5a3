import { describe, expect, it } from 'vitest';
import { brandFromByline, cleanBrand, cleanId, cleanTitle, withoutVariantColour } from './field-cleaning';

describe('field cleaning', () => {
  it('takes eBay’s hidden heading prefix off a title, in its languages', () => {
    expect(cleanTitle('Details zu \u00a0Bosch GSR 12V-15')).toBe('Bosch GSR 12V-15');
    expect(cleanTitle('Dettagli su  Moka Express')).toBe('Moka Express');
    expect(cleanTitle('Détails sur Cocotte 24 cm')).toBe('Cocotte 24 cm');
    expect(cleanTitle('Detalles de Cafetera Krups')).toBe('Cafetera Krups');
    expect(cleanTitle('Details of the craft')).toBe('Details of the craft');
  });

  it('drops the variant’s colour only when another source names the product without it', () => {
    expect(withoutVariantColour('Borraccia 500 ml - Blu Notte', ['Borraccia 500 ml'])).toBe('Borraccia 500 ml');
    expect(withoutVariantColour('T-Shirt (Rot)', ['t-shirt'])).toBe('T-Shirt');
    expect(withoutVariantColour('Borraccia 500 ml - Blu Notte', ['Borraccia termica'])).toBe('Borraccia 500 ml - Blu Notte');
    // Not a colour: a model, a size.
    expect(withoutVariantColour('Summit Tent - 3 Person', ['Summit Tent'])).toBe('Summit Tent - 3 Person');
  });

  it('reads a brand without its label, never a web address; a byline’s preposition goes, a brand starting with one stays', () => {
    expect(cleanBrand('Marke: Bosch')).toBe('Bosch');
    expect(cleanBrand('Marca : Ariete')).toBe('Ariete');
    expect(cleanBrand('https://shop.example/marken/wmf/')).toBeUndefined();
    expect(cleanBrand('De Buyer')).toBe('De Buyer');
    expect(brandFromByline('von Bosch')).toBe('Bosch');
    expect(brandFromByline('by Anker')).toBe('Anker');
    expect(brandFromByline('De’Longhi')).toBe('De’Longhi');
  });

  it('takes a label off an id only where a separator follows it', () => {
    expect(cleanId('sku: AB-1')).toBe('AB-1');
    expect(cleanId('mpn:XY9')).toBe('XY9');
    expect(cleanId('Art.-Nr.: HP10042')).toBe('HP10042');
    expect(cleanId('Réf. 4411')).toBe('4411');
    expect(cleanId('REF-1234')).toBe('REF-1234');
    expect(cleanId('SKU998')).toBe('SKU998');
    expect(cleanId('B07XYZ1234')).toBe('B07XYZ1234');
  });
});
