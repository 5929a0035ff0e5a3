import { describe, expect, it } from 'vitest';
import { Id } from '../../common/ids';
import { customerIdFor, normalizeEmail } from './customer-id';

describe('customer ids', () => {
  it('are the same for the same e-mail written differently, and valid ids', () => {
    expect(customerIdFor(' Anna.Rossi@Example.IT ')).toBe(customerIdFor('anna.rossi@example.it'));
    expect(Id.safeParse(customerIdFor('anna.rossi@example.it')).success).toBe(true);
    expect(normalizeEmail(' Anna@Example.IT')).toBe('anna@example.it');
  });

  it('differ for different e-mails', () => {
    expect(customerIdFor('anna@example.it')).not.toBe(customerIdFor('anna@example.fr'));
  });
});
