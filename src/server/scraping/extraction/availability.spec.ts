import { describe, expect, it } from 'vitest';
import { availabilityFromSchemaOrg, availabilityFromText } from './availability';

describe('availabilityFromText', () => {
  it.each([
    ['Disponibilità immediata', 'in_stock'],
    ['Solo 3 rimasti - ordina subito', 'in_stock'],
    // A count left wins over "in arrivo": more are on the way, these are here.
    ['Disponibilità: solo 3 --ordina subito (ulteriori in arrivo).', 'in_stock'],
    ['Disponibile in arrivo', 'out_of_stock'],
    ['Temporaneamente non disponibile.', 'out_of_stock'],
    ['Articolo esaurito', 'out_of_stock'],
    ['En stock', 'in_stock'],
    ['Il ne reste plus que 2 exemplaire(s) en stock.', 'in_stock'],
    ['Temporairement en rupture de stock.', 'out_of_stock'],
    ['Actuellement indisponible.', 'out_of_stock'],
    ['Auf Lager', 'in_stock'],
    ['Nur noch 3 auf Lager', 'in_stock'],
    ['Derzeit nicht verfügbar.', 'out_of_stock'],
    ['Lieferzeit: sofort lieferbar', 'in_stock'],
    ['Ausverkauft', 'out_of_stock'],
    ['Solo queda(n) 1 en stock.', 'in_stock'],
    ['No disponible por el momento.', 'out_of_stock'],
    ['Agotado', 'out_of_stock'],
    ['In stock', 'in_stock'],
    ['Only 2 left in stock - order soon.', 'in_stock'],
    ['Currently unavailable.', 'out_of_stock'],
    ['Sold out', 'out_of_stock'],
  ])('reads %j as %s', (text, expected) => {
    expect(availabilityFromText(text)).toBe(expected);
  });

  it('says nothing about unrelated text', () => {
    expect(availabilityFromText('Aggiungi al carrello')).toBeUndefined();
    expect(availabilityFromText('Instockholm')).toBeUndefined();
    expect(availabilityFromText('')).toBeUndefined();
  });
});

describe('availabilityFromSchemaOrg', () => {
  it('reads every spelling of the schema.org values', () => {
    expect(availabilityFromSchemaOrg('https://schema.org/InStock')).toBe('in_stock');
    expect(availabilityFromSchemaOrg('http://schema.org/OutOfStock')).toBe('out_of_stock');
    expect(availabilityFromSchemaOrg('InStock')).toBe('in_stock');
    expect(availabilityFromSchemaOrg('schema:LimitedAvailability')).toBe('in_stock');
    expect(availabilityFromSchemaOrg('https://schema.org/PreOrder')).toBe('out_of_stock');
    expect(availabilityFromSchemaOrg('http://schema.org/BackOrder')).toBe('out_of_stock');
    expect(availabilityFromSchemaOrg('whatever')).toBeUndefined();
  });
});
