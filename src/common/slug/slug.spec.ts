import { describe, expect, it } from 'vitest';
import { slugify } from '.';

describe('slugify', () => {
  it('folds accents and ß, keeps letters and digits, dashes the rest', () => {
    expect(slugify('Weiß Heißluftfritteuse Élégante')).toBe('weiss-heissluftfritteuse-elegante');
    expect(slugify('  «Caffè» 2-in-1!  ')).toBe('caffe-2-in-1');
  });

  it('keeps ten words and 80 characters, never ending on a dash', () => {
    expect(slugify('a b c d e f g h i j k l')).toBe('a-b-c-d-e-f-g-h-i-j');
    const long = slugify('x'.repeat(79) + ' yy');
    expect(long).toBe('x'.repeat(79));
  });

  it('is empty for a title with no letter or digit', () => {
    expect(slugify('—…—')).toBe('');
  });
});
