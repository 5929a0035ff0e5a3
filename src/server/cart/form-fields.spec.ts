import { describe, expect, it } from 'vitest';
import { boundedFormFields } from './form-fields';

const limits = { FORM_MAX_FIELDS: 4, FORM_FIELD_MAX_CHARS: 10 };

describe('shop form fields', () => {
  it('keeps string fields, the last of a repeated one', () => {
    expect(boundedFormFields({ a: 'x', b: ['1', '2'], c: 3 }, limits)).toEqual({ fields: { a: 'x', b: '2' }, tooLarge: null });
  });

  it('refuses a field longer than the limit, or too many fields, keeping nothing', () => {
    expect(boundedFormFields({ name: 'x'.repeat(11) }, limits)).toEqual({ fields: {}, tooLarge: 'name: longer than 10 characters' });
    expect(boundedFormFields({ ['n'.repeat(11)]: 'x' }, limits).tooLarge).toMatch(/longer than 10/);
    expect(boundedFormFields({ a: '', b: '', c: '', d: '', e: '' }, limits)).toEqual({
      fields: {},
      tooLarge: 'the form has more than 4 fields',
    });
  });
});
