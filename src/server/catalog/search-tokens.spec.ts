import { describe, expect, it } from 'vitest';
import { queryTokens, searchTokens, tokenize } from './search-tokens';

describe('tokenize', () => {
  it('lowercases, removes accents and splits on anything that is not a letter or digit', () => {
    expect(tokenize('Cafetière ÉLECTRIQUE, 1,5 L – Inox/Noir')).toEqual(['cafetiere', 'electrique', 'inox', 'noir']);
  });

  it('spells out letters NFD keeps whole', () => {
    expect(tokenize('Großer Kaffeebecher Øresund Cœur')).toEqual(['grosser', 'kaffeebecher', 'oresund', 'coeur']);
  });

  it('keeps each word once, in order of first appearance', () => {
    expect(tokenize('moka MOKA Moka express')).toEqual(['moka', 'express']);
  });
});

describe('searchTokens and queryTokens', () => {
  it('cut a stored title and a typed query alike, so an accent-free query finds an accented title', () => {
    const stored = searchTokens('Macchina per caffè espresso', 'De’Longhi');
    expect(stored).toEqual(['de', 'longhi', 'macchina', 'per', 'caffe', 'espresso']);
    expect(stored).toEqual(expect.arrayContaining(queryTokens('CAFFE De Longhi')));
  });

  it('a query of only short or empty words has no tokens', () => {
    expect(queryTokens(' - a 6 ')).toEqual([]);
  });
});
