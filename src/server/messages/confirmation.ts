// The order confirmation in the order's market language, free of I/O: subject and plain-text
// body with the lines, the total and what happens next for the payment method chosen (for a
// bank transfer, the account to pay to and the reference).
import { MARKETS, type MarketCode } from '../../common/markets';
import { formatMoney } from '../../common/money';
import type { Order } from '../orders';
import { groupedIban, type BankAccount } from '../orders';

interface ConfirmationTexts {
  subject(number: string): string;
  greeting(name: string): string;
  intro: string;
  total: string;
  shipTo: string;
  next: Record<Order['paymentMethod'], string>;
  payTo: Record<'beneficiary' | 'iban' | 'bic' | 'reference', string>;
  closing: string;
}

const TEXTS: Readonly<Record<MarketCode, ConfirmationTexts>> = {
  it: {
    subject: (n) => `Conferma dell'ordine ${n}`,
    greeting: (name) => `Gentile ${name},`,
    intro: 'grazie per il tuo ordine. Ecco il riepilogo:',
    total: 'Totale (IVA inclusa)',
    shipTo: 'Spedizione a',
    next: {
      bank_transfer: "Riceverai la merce dopo l'arrivo del bonifico, indicando il numero d'ordine nella causale.",
      cash_on_delivery: 'Pagherai in contanti al corriere alla consegna.',
    },
    payTo: { beneficiary: 'Beneficiario', iban: 'IBAN', bic: 'BIC/SWIFT', reference: 'Causale' },
    closing: 'Il team DigitalSales',
  },
  fr: {
    subject: (n) => `Confirmation de la commande ${n}`,
    greeting: (name) => `Bonjour ${name},`,
    intro: 'merci pour votre commande. En voici le récapitulatif :',
    total: 'Total TTC',
    shipTo: 'Livraison à',
    next: {
      bank_transfer: 'Nous expédierons votre commande dès réception de votre virement, avec le numéro de commande en référence.',
      cash_on_delivery: 'Vous paierez en espèces au livreur à la livraison.',
    },
    payTo: { beneficiary: 'Bénéficiaire', iban: 'IBAN', bic: 'BIC', reference: 'Référence' },
    closing: "L'équipe DigitalSales",
  },
  de: {
    subject: (n) => `Bestellbestätigung ${n}`,
    greeting: (name) => `Hallo ${name},`,
    intro: 'vielen Dank für Ihre Bestellung. Hier die Übersicht:',
    total: 'Gesamt (inkl. MwSt.)',
    shipTo: 'Lieferung an',
    next: {
      bank_transfer: 'Wir versenden Ihre Bestellung nach Eingang Ihrer Überweisung mit der Bestellnummer als Verwendungszweck.',
      cash_on_delivery: 'Sie bezahlen bar bei der Lieferung.',
    },
    payTo: { beneficiary: 'Empfänger', iban: 'IBAN', bic: 'BIC', reference: 'Verwendungszweck' },
    closing: 'Ihr DigitalSales-Team',
  },
  es: {
    subject: (n) => `Confirmación del pedido ${n}`,
    greeting: (name) => `Hola ${name}:`,
    intro: 'gracias por tu pedido. Este es el resumen:',
    total: 'Total (IVA incluido)',
    shipTo: 'Envío a',
    next: {
      bank_transfer: 'Enviaremos tu pedido cuando recibamos la transferencia, con el número de pedido como concepto.',
      cash_on_delivery: 'Pagarás en efectivo al repartidor en la entrega.',
    },
    payTo: { beneficiary: 'Beneficiario', iban: 'IBAN', bic: 'BIC/SWIFT', reference: 'Concepto' },
    closing: 'El equipo de DigitalSales',
  },
};

export function renderConfirmation(
  order: Pick<Order, 'number' | 'market' | 'lines' | 'total' | 'shippingAddress' | 'paymentMethod'>,
  account: BankAccount,
): { subject: string; body: string } {
  const texts = TEXTS[order.market];
  const money = (cents: number) => formatMoney({ amountCents: cents, currency: order.total.currency }, MARKETS[order.market].locale);
  const a = order.shippingAddress;
  const body = [
    texts.greeting(a.name),
    texts.intro,
    '',
    ...order.lines.map((l) => `${l.quantity} × ${l.title}: ${money(l.total.amountCents)}`),
    `${texts.total}: ${money(order.total.amountCents)}`,
    '',
    `${texts.shipTo}: ${[a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country].filter(Boolean).join(', ')}`,
    '',
    texts.next[order.paymentMethod],
    ...(order.paymentMethod === 'bank_transfer'
      ? [
          `${texts.payTo.beneficiary}: ${account.beneficiary}`,
          `${texts.payTo.iban}: ${groupedIban(account.iban)}`,
          `${texts.payTo.bic}: ${account.bic}`,
          `${texts.payTo.reference}: ${order.number}`,
        ]
      : []),
    '',
    texts.closing,
  ].join('\n');
  return { subject: texts.subject(order.number), body };
}
