// The words each simulated shop prints around its products, in the market's language: the
// availability sentences, shipping and VAT notes, labels of the detail table, the robot check.
// The sentences follow what the real Amazon sites print, since the extractors must read them.
import type { MarketCode } from '../../src/common/markets';

export interface ShopTexts {
  readonly shopName: string;
  readonly inStock: string;
  readonly lowStock: (quantity: number) => string;
  readonly outOfStock: string;
  readonly freeShipping: string;
  readonly shippingCost: (price: string) => string;
  readonly listPriceLabel: string;
  readonly priceLabel: string;
  readonly vatNote: string;
  readonly soldBy: (seller: string) => string;
  readonly visitStore: (brand: string) => string;
  readonly addToCart: string;
  readonly brand: string;
  readonly model: string;
  readonly category: string;
  readonly colour: string;
  /** The colour as a feature bullet; French puts a (narrow) space before the colon. */
  readonly colourLine: (colour: string) => string;
  readonly productDetails: string;
  readonly productDescription: string;
  readonly usedLikeNew: string;
  readonly categories: string;
  readonly pageOf: (page: number, pages: number) => string;
  readonly next: string;
  readonly previous: string;
  readonly notFound: string;
  readonly captchaTitle: string;
  readonly captchaPrompt: string;
  readonly captchaButton: string;
  readonly tryAgainLater: string;
}

export const SHOP_TEXTS: Readonly<Record<MarketCode, ShopTexts>> = {
  it: {
    shopName: 'Simazon.it',
    inStock: 'Disponibilità immediata',
    lowStock: (n) => `Solo ${n} rimasti - ordina subito`,
    outOfStock: 'Temporaneamente non disponibile.',
    freeShipping: 'Spedizione GRATUITA',
    shippingCost: (price) => `Spedizione: ${price}`,
    listPriceLabel: 'Prezzo consigliato:',
    priceLabel: 'Prezzo:',
    vatNote: 'IVA inclusa',
    soldBy: (seller) => `Venduto da ${seller}`,
    visitStore: (brand) => `Visita lo Store di ${brand}`,
    addToCart: 'Aggiungi al carrello',
    brand: 'Marca',
    model: 'Numero modello articolo',
    category: 'Categoria',
    colour: 'Colore',
    colourLine: (colour) => `Colore: ${colour}`,
    productDetails: 'Dettagli prodotto',
    productDescription: 'Descrizione prodotto',
    usedLikeNew: 'Usato - Come nuovo',
    categories: 'Categorie',
    pageOf: (page, pages) => `Pagina ${page} di ${pages}`,
    next: 'Successivo',
    previous: 'Precedente',
    notFound: 'Spiacenti, la pagina che cerchi non è stata trovata.',
    captchaTitle: 'Controllo robot',
    captchaPrompt: 'Digita i caratteri che vedi in questa immagine',
    captchaButton: 'Continua con gli acquisti',
    tryAgainLater: 'Si è verificato un problema. Riprova più tardi.',
  },
  fr: {
    shopName: 'Simazon.fr',
    inStock: 'En stock',
    lowStock: (n) => `Il ne reste plus que ${n} exemplaire(s) en stock.`,
    outOfStock: 'Temporairement en rupture de stock.',
    freeShipping: 'Livraison GRATUITE',
    shippingCost: (price) => `Livraison\u202F: ${price}`,
    listPriceLabel: 'Prix conseillé\u202F:',
    priceLabel: 'Prix\u202F:',
    vatNote: 'TTC',
    soldBy: (seller) => `Vendu par ${seller}`,
    visitStore: (brand) => `Visiter la boutique ${brand}`,
    addToCart: 'Ajouter au panier',
    brand: 'Marque',
    model: 'Numéro du modèle de l’article',
    category: 'Catégorie',
    colour: 'Couleur',
    colourLine: (colour) => `Couleur\u202F: ${colour}`,
    productDetails: 'Détails du produit',
    productDescription: 'Description du produit',
    usedLikeNew: 'D’occasion - Comme neuf',
    categories: 'Catégories',
    pageOf: (page, pages) => `Page ${page} sur ${pages}`,
    next: 'Suivant',
    previous: 'Précédent',
    notFound: 'Désolé, la page que vous recherchez est introuvable.',
    captchaTitle: 'Vérification robot',
    captchaPrompt: 'Saisissez les caractères que vous voyez ci-dessous',
    captchaButton: 'Continuer les achats',
    tryAgainLater: 'Un problème est survenu. Veuillez réessayer plus tard.',
  },
  de: {
    shopName: 'Simazon.de',
    inStock: 'Auf Lager',
    lowStock: (n) => `Nur noch ${n} auf Lager`,
    outOfStock: 'Derzeit nicht verfügbar.',
    freeShipping: 'KOSTENLOSE Lieferung',
    shippingCost: (price) => `Versand: ${price}`,
    listPriceLabel: 'Unverb. Preisempf.:',
    priceLabel: 'Preis:',
    vatNote: 'inkl. MwSt.',
    soldBy: (seller) => `Verkauf durch ${seller}`,
    visitStore: (brand) => `Besuche den ${brand}-Store`,
    addToCart: 'In den Einkaufswagen',
    brand: 'Marke',
    model: 'Modellnummer',
    category: 'Kategorie',
    colour: 'Farbe',
    colourLine: (colour) => `Farbe: ${colour}`,
    productDetails: 'Produktinformation',
    productDescription: 'Produktbeschreibung',
    usedLikeNew: 'Gebraucht - Wie neu',
    categories: 'Kategorien',
    pageOf: (page, pages) => `Seite ${page} von ${pages}`,
    next: 'Weiter',
    previous: 'Zurück',
    notFound: 'Die gesuchte Seite wurde leider nicht gefunden.',
    captchaTitle: 'Roboter-Check',
    captchaPrompt: 'Geben Sie die angezeigten Zeichen im Bild ein',
    captchaButton: 'Weiter shoppen',
    tryAgainLater: 'Es ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.',
  },
  es: {
    shopName: 'Simazon.es',
    inStock: 'En stock',
    lowStock: (n) => `Solo queda(n) ${n} en stock.`,
    outOfStock: 'No disponible por el momento.',
    freeShipping: 'Envío GRATIS',
    shippingCost: (price) => `Envío: ${price}`,
    listPriceLabel: 'Precio recomendado:',
    priceLabel: 'Precio:',
    vatNote: 'IVA incluido',
    soldBy: (seller) => `Vendido por ${seller}`,
    visitStore: (brand) => `Visita la tienda de ${brand}`,
    addToCart: 'Añadir a la cesta',
    brand: 'Marca',
    model: 'Número de modelo del producto',
    category: 'Categoría',
    colour: 'Color',
    colourLine: (colour) => `Color: ${colour}`,
    productDetails: 'Detalles del producto',
    productDescription: 'Descripción del producto',
    usedLikeNew: 'De segunda mano - Como nuevo',
    categories: 'Categorías',
    pageOf: (page, pages) => `Página ${page} de ${pages}`,
    next: 'Siguiente',
    previous: 'Anterior',
    notFound: 'Lo sentimos, no encontramos la página que buscas.',
    captchaTitle: 'Comprobación de robot',
    captchaPrompt: 'Introduce los caracteres que ves a continuación',
    captchaButton: 'Seguir comprando',
    tryAgainLater: 'Se ha producido un error. Vuelve a intentarlo más tarde.',
  },
};
