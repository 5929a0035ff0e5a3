// What an error answer says, in each shop's language and in English (back office, API).
// Only our own words: an error's internal message never reaches a client.
import type { MarketCode } from '../../../common/markets';

export type ErrorLanguage = MarketCode | 'en';

export interface ErrorTexts {
  readonly tooLarge: string;
  readonly tooLargeHint: string;
  readonly badRequest: string;
  readonly notFound: string;
  readonly failed: string;
  readonly failedHint: string;
  /** Followed by the request id. */
  readonly reference: string;
  readonly back: string;
}

export const ERROR_TEXTS: Readonly<Record<ErrorLanguage, ErrorTexts>> = {
  it: {
    tooLarge: 'Il modulo inviato è troppo grande',
    tooLargeHint: 'Accorcia i testi inseriti e riprova.',
    badRequest: 'La richiesta non è valida',
    notFound: 'Pagina non trovata',
    failed: 'Qualcosa è andato storto',
    failedHint: 'Riprova tra qualche istante. Se il problema persiste, comunica al servizio clienti questo riferimento:',
    reference: 'Riferimento',
    back: 'Torna al negozio',
  },
  fr: {
    tooLarge: 'Le formulaire envoyé est trop volumineux',
    tooLargeHint: 'Raccourcissez les textes saisis et réessayez.',
    badRequest: 'La demande n’est pas valide',
    notFound: 'Page introuvable',
    failed: 'Une erreur est survenue',
    failedHint: 'Réessayez dans quelques instants. Si le problème persiste, indiquez cette référence au service client :',
    reference: 'Référence',
    back: 'Retour à la boutique',
  },
  de: {
    tooLarge: 'Das gesendete Formular ist zu groß',
    tooLargeHint: 'Kürzen Sie die eingegebenen Texte und versuchen Sie es erneut.',
    badRequest: 'Die Anfrage ist ungültig',
    notFound: 'Seite nicht gefunden',
    failed: 'Etwas ist schiefgelaufen',
    failedHint: 'Versuchen Sie es in einigen Augenblicken erneut. Besteht das Problem weiter, nennen Sie dem Kundenservice diese Referenz:',
    reference: 'Referenz',
    back: 'Zurück zum Shop',
  },
  es: {
    tooLarge: 'El formulario enviado es demasiado grande',
    tooLargeHint: 'Acorta los textos introducidos y vuelve a intentarlo.',
    badRequest: 'La solicitud no es válida',
    notFound: 'Página no encontrada',
    failed: 'Algo ha salido mal',
    failedHint:
      'Vuelve a intentarlo dentro de unos instantes. Si el problema continúa, indica esta referencia al servicio de atención al cliente:',
    reference: 'Referencia',
    back: 'Volver a la tienda',
  },
  en: {
    tooLarge: 'The request is too large',
    tooLargeHint: 'Shorten what was entered and try again.',
    badRequest: 'The request is not valid',
    notFound: 'Page not found',
    failed: 'Something went wrong',
    failedHint: 'Try again in a moment. If it keeps happening, give this reference to support:',
    reference: 'Reference',
    back: 'Back to the back office',
  },
};
