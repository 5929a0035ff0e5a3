// The shopper's product page in the four shop languages. Plain strings and small functions, no
// server imports: the browser bundle formats live updates with the same words as the server.
import type { ShopLanguage } from '../../common/markets';

export interface ProductPageTexts {
  readonly vatIncluded: string;
  readonly brand: string;
  readonly details: string;
  readonly inStock: string;
  readonly outOfStock: string;
  readonly availabilityUnknown: string;
  readonly delivery: (minDays: number, maxDays: number) => string;
  readonly noDelivery: string;
  /** "aggiornato 3 s fa": `age` is already "3 s", "5 min" or "2 h". */
  readonly updated: (age: string) => string;
  readonly checking: string;
  /** "could not refresh, price from HH:MM". */
  readonly couldNotRefresh: (time: string) => string;
  readonly notSoldHere: string;
  /** An agent stopped selling the product (a recall, a supplier problem): it may come back. */
  readonly salesStopped: string;
  readonly notFoundTitle: string;
  readonly notFoundBody: string;
  readonly unavailableTitle: string;
}

export const PRODUCT_PAGE_TEXTS: Readonly<Record<ShopLanguage, ProductPageTexts>> = {
  it: {
    vatIncluded: 'IVA inclusa',
    brand: 'Marca',
    details: 'Caratteristiche',
    inStock: 'Disponibile',
    outOfStock: 'Non disponibile',
    availabilityUnknown: 'Disponibilità da confermare',
    delivery: (min, max) => `Consegna in ${min}–${max} giorni lavorativi`,
    noDelivery: 'Consegna non disponibile',
    updated: (age) => `aggiornato ${age} fa`,
    checking: 'verifica del prezzo in corso…',
    couldNotRefresh: (time) => `impossibile aggiornare, prezzo delle ${time}`,
    notSoldHere: 'Questo prodotto non è in vendita in Italia.',
    salesStopped: 'Questo prodotto non è al momento disponibile.',
    notFoundTitle: 'Prodotto non trovato',
    notFoundBody: 'Il prodotto che cerchi non esiste o non è più in catalogo.',
    unavailableTitle: 'Il catalogo non è raggiungibile in questo momento. Riprova tra poco.',
  },
  fr: {
    vatIncluded: 'TVA incluse',
    brand: 'Marque',
    details: 'Caractéristiques',
    inStock: 'En stock',
    outOfStock: 'Rupture de stock',
    availabilityUnknown: 'Disponibilité à confirmer',
    delivery: (min, max) => `Livraison en ${min} à ${max} jours ouvrés`,
    noDelivery: 'Livraison indisponible',
    updated: (age) => `mis à jour il y a ${age}`,
    checking: 'vérification du prix en cours…',
    couldNotRefresh: (time) => `actualisation impossible, prix de ${time}`,
    notSoldHere: "Ce produit n'est pas vendu en France.",
    salesStopped: "Ce produit n'est pas disponible pour le moment.",
    notFoundTitle: 'Produit introuvable',
    notFoundBody: "Le produit que vous cherchez n'existe pas ou n'est plus au catalogue.",
    unavailableTitle: 'Le catalogue est momentanément indisponible. Réessayez dans un instant.',
  },
  de: {
    vatIncluded: 'inkl. MwSt.',
    brand: 'Marke',
    details: 'Eigenschaften',
    inStock: 'Auf Lager',
    outOfStock: 'Nicht auf Lager',
    availabilityUnknown: 'Verfügbarkeit wird geprüft',
    delivery: (min, max) => `Lieferung in ${min}–${max} Werktagen`,
    noDelivery: 'Derzeit keine Lieferung möglich',
    updated: (age) => `aktualisiert vor ${age}`,
    checking: 'Preis wird geprüft…',
    couldNotRefresh: (time) => `Aktualisierung nicht möglich, Preis von ${time} Uhr`,
    notSoldHere: 'Dieses Produkt wird in Deutschland nicht verkauft.',
    salesStopped: 'Dieses Produkt ist derzeit nicht erhältlich.',
    notFoundTitle: 'Produkt nicht gefunden',
    notFoundBody: 'Das gesuchte Produkt existiert nicht oder ist nicht mehr im Sortiment.',
    unavailableTitle: 'Der Katalog ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
  },
  es: {
    vatIncluded: 'IVA incluido',
    brand: 'Marca',
    details: 'Características',
    inStock: 'En stock',
    outOfStock: 'Agotado',
    availabilityUnknown: 'Disponibilidad por confirmar',
    delivery: (min, max) => `Entrega en ${min}–${max} días laborables`,
    noDelivery: 'Entrega no disponible',
    updated: (age) => `actualizado hace ${age}`,
    checking: 'comprobando el precio…',
    couldNotRefresh: (time) => `no se pudo actualizar, precio de las ${time}`,
    notSoldHere: 'Este producto no se vende en España.',
    salesStopped: 'Este producto no está disponible en este momento.',
    notFoundTitle: 'Producto no encontrado',
    notFoundBody: 'El producto que buscas no existe o ya no está en el catálogo.',
    unavailableTitle: 'El catálogo no está disponible en este momento. Inténtalo de nuevo en breve.',
  },
};

/** "3 s", "5 min", "2 h", "3 d": short units every one of the four languages prints alike. */
export function shortAge(ageMs: number): string {
  const s = Math.max(0, Math.floor(ageMs / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h`;
  return `${Math.floor(s / 86_400)} d`;
}

/** HH:MM in the market's own time zone, whatever the server's or the browser's zone. */
export function clockTime(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(new Date(iso));
}
