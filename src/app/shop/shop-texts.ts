// The storefront's words in the four shop languages: the header and footer every market page
// shares, the listing (home, category, search) and the page for an address with nothing at it. Plain strings and small functions, no server imports,
// so the browser bundle renders the same words as the server.
import type { ShopLanguage } from '../../common/markets';

export interface ShopTexts {
  readonly homeLink: string;
  readonly searchLabel: string;
  readonly searchPlaceholder: string;
  readonly searchButton: string;
  readonly marketSwitcher: string;
  readonly cart: string;
  readonly homeTitle: string;
  readonly homeDescription: string;
  readonly categoryTitle: (category: string) => string;
  readonly categoryDescription: (category: string) => string;
  readonly searchTitle: (query: string) => string;
  readonly filters: string;
  readonly category: string;
  readonly brand: string;
  readonly any: string;
  readonly minPrice: string;
  readonly maxPrice: string;
  readonly inStockOnly: string;
  readonly sort: string;
  readonly sorts: Readonly<Record<'relevance' | 'price-asc' | 'price-desc' | 'newest', string>>;
  readonly apply: string;
  readonly clear: string;
  readonly results: string;
  readonly noResults: string;
  readonly nextPage: string;
  readonly firstPage: string;
  readonly inStock: string;
  readonly outOfStock: string;
  readonly availabilityUnknown: string;
  readonly added: (date: string) => string;
  readonly wholeEuros: string;
  readonly invalidValue: string;
  readonly invalidSort: string;
  readonly invalidPage: string;
  readonly notFoundTitle: string;
  readonly notFoundBody: string;
  readonly backHome: string;
  readonly unavailable: string;
  /** The cart link's accessible name with its number of items. */
  readonly cartWithItems: (items: number) => string;
  readonly pagination: string;
  readonly footerPrices: string;
  readonly orderStatus: string;
}

export const SHOP_TEXTS: Readonly<Record<ShopLanguage, ShopTexts>> = {
  it: {
    homeLink: 'DigitalSales Italia, pagina iniziale',
    searchLabel: 'Cerca prodotti',
    searchPlaceholder: 'Marca, prodotto…',
    searchButton: 'Cerca',
    marketSwitcher: 'Paese',
    cart: 'Carrello',
    homeTitle: 'DigitalSales Italia: elettronica, casa, sport e molto altro',
    homeDescription: 'Migliaia di prodotti con prezzi aggiornati e IVA inclusa, spediti in tutta Italia.',
    categoryTitle: (c) => `${c}: prodotti e prezzi · DigitalSales Italia`,
    categoryDescription: (c) => `Tutti i prodotti della categoria ${c}, con prezzi aggiornati e IVA inclusa.`,
    searchTitle: (q) => `Risultati per “${q}” · DigitalSales Italia`,
    filters: 'Filtri',
    category: 'Categoria',
    brand: 'Marca',
    any: 'Tutte',
    minPrice: 'Prezzo da (€)',
    maxPrice: 'Prezzo fino a (€)',
    inStockOnly: 'Solo disponibili',
    sort: 'Ordina per',
    sorts: { relevance: 'Rilevanza', 'price-asc': 'Prezzo crescente', 'price-desc': 'Prezzo decrescente', newest: 'Novità' },
    apply: 'Applica',
    clear: 'Azzera filtri',
    results: 'Prodotti',
    noResults: 'Nessun prodotto corrisponde alla ricerca.',
    nextPage: 'Pagina successiva',
    firstPage: 'Prima pagina',
    inStock: 'Disponibile',
    outOfStock: 'Non disponibile',
    availabilityUnknown: 'Disponibilità da confermare',
    added: (d) => `In catalogo dal ${d}`,
    wholeEuros: 'Inserisci un importo in euro senza decimali, per esempio 25.',
    invalidValue: 'Valore non valido: correggilo o lascialo vuoto.',
    invalidSort: 'Scegli uno degli ordinamenti proposti.',
    invalidPage: 'Questo link di pagina non è più valido: riparti dalla prima pagina.',
    notFoundTitle: 'Pagina non trovata',
    notFoundBody: 'Non c’è nulla a questo indirizzo: la pagina potrebbe essere stata spostata o il link contenere un errore.',
    backHome: 'Torna alla pagina iniziale',
    cartWithItems: (n) => (n === 1 ? 'Carrello, 1 articolo' : `Carrello, ${n} articoli`),
    pagination: 'Pagine dei risultati',
    footerPrices: 'Prezzi in euro, IVA inclusa.',
    orderStatus: 'Stato dell’ordine',
    unavailable: 'Il catalogo non è raggiungibile in questo momento. Riprova tra poco.',
  },
  fr: {
    homeLink: 'DigitalSales France, accueil',
    searchLabel: 'Rechercher des produits',
    searchPlaceholder: 'Marque, produit…',
    searchButton: 'Rechercher',
    marketSwitcher: 'Pays',
    cart: 'Panier',
    homeTitle: 'DigitalSales France : high-tech, maison, sport et bien plus',
    homeDescription: 'Des milliers de produits aux prix à jour, TVA incluse, livrés partout en France.',
    categoryTitle: (c) => `${c} : produits et prix · DigitalSales France`,
    categoryDescription: (c) => `Tous les produits de la catégorie ${c}, aux prix à jour, TVA incluse.`,
    searchTitle: (q) => `Résultats pour « ${q} » · DigitalSales France`,
    filters: 'Filtres',
    category: 'Catégorie',
    brand: 'Marque',
    any: 'Toutes',
    minPrice: 'Prix minimum (€)',
    maxPrice: 'Prix maximum (€)',
    inStockOnly: 'En stock uniquement',
    sort: 'Trier par',
    sorts: { relevance: 'Pertinence', 'price-asc': 'Prix croissant', 'price-desc': 'Prix décroissant', newest: 'Nouveautés' },
    apply: 'Appliquer',
    clear: 'Effacer les filtres',
    results: 'Produits',
    noResults: 'Aucun produit ne correspond à votre recherche.',
    nextPage: 'Page suivante',
    firstPage: 'Première page',
    inStock: 'En stock',
    outOfStock: 'Rupture de stock',
    availabilityUnknown: 'Disponibilité à confirmer',
    added: (d) => `Au catalogue depuis le ${d}`,
    wholeEuros: 'Indiquez un montant en euros sans décimales, par exemple 25.',
    invalidValue: 'Valeur non valide : corrigez-la ou laissez le champ vide.',
    invalidSort: 'Choisissez l’un des tris proposés.',
    invalidPage: 'Ce lien de page n’est plus valide : repartez de la première page.',
    notFoundTitle: 'Page introuvable',
    notFoundBody: 'Il n’y a rien à cette adresse : la page a peut-être été déplacée, ou le lien contient une erreur.',
    backHome: 'Retour à l’accueil',
    cartWithItems: (n) => (n <= 1 ? `Panier, ${n} article` : `Panier, ${n} articles`),
    pagination: 'Pages de résultats',
    footerPrices: 'Prix en euros, TVA incluse.',
    orderStatus: 'Suivi de commande',
    unavailable: 'Le catalogue est momentanément indisponible. Réessayez dans un instant.',
  },
  de: {
    homeLink: 'DigitalSales Deutschland, Startseite',
    searchLabel: 'Produkte suchen',
    searchPlaceholder: 'Marke, Produkt…',
    searchButton: 'Suchen',
    marketSwitcher: 'Land',
    cart: 'Warenkorb',
    homeTitle: 'DigitalSales Deutschland: Elektronik, Haushalt, Sport und mehr',
    homeDescription: 'Tausende Produkte zu aktuellen Preisen inklusive MwSt., Versand in ganz Deutschland.',
    categoryTitle: (c) => `${c}: Produkte und Preise · DigitalSales Deutschland`,
    categoryDescription: (c) => `Alle Produkte der Kategorie ${c} zu aktuellen Preisen inklusive MwSt.`,
    searchTitle: (q) => `Ergebnisse für „${q}“ · DigitalSales Deutschland`,
    filters: 'Filter',
    category: 'Kategorie',
    brand: 'Marke',
    any: 'Alle',
    minPrice: 'Preis ab (€)',
    maxPrice: 'Preis bis (€)',
    inStockOnly: 'Nur verfügbare',
    sort: 'Sortieren nach',
    sorts: { relevance: 'Relevanz', 'price-asc': 'Preis aufsteigend', 'price-desc': 'Preis absteigend', newest: 'Neuheiten' },
    apply: 'Anwenden',
    clear: 'Filter zurücksetzen',
    results: 'Produkte',
    noResults: 'Keine Produkte entsprechen Ihrer Suche.',
    nextPage: 'Nächste Seite',
    firstPage: 'Erste Seite',
    inStock: 'Auf Lager',
    outOfStock: 'Nicht auf Lager',
    availabilityUnknown: 'Verfügbarkeit wird geprüft',
    added: (d) => `Im Sortiment seit ${d}`,
    wholeEuros: 'Bitte einen Betrag in ganzen Euro eingeben, zum Beispiel 25.',
    invalidValue: 'Ungültiger Wert: bitte korrigieren oder leer lassen.',
    invalidSort: 'Bitte eine der angebotenen Sortierungen wählen.',
    invalidPage: 'Dieser Seitenlink ist nicht mehr gültig: bitte auf der ersten Seite neu beginnen.',
    notFoundTitle: 'Seite nicht gefunden',
    notFoundBody: 'Unter dieser Adresse gibt es nichts: Die Seite wurde vielleicht verschoben, oder der Link enthält einen Fehler.',
    backHome: 'Zur Startseite',
    cartWithItems: (n) => (n === 1 ? 'Warenkorb, 1 Artikel' : `Warenkorb, ${n} Artikel`),
    pagination: 'Ergebnisseiten',
    footerPrices: 'Preise in Euro inklusive MwSt.',
    orderStatus: 'Bestellstatus',
    unavailable: 'Der Katalog ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
  },
  es: {
    homeLink: 'DigitalSales España, inicio',
    searchLabel: 'Buscar productos',
    searchPlaceholder: 'Marca, producto…',
    searchButton: 'Buscar',
    marketSwitcher: 'País',
    cart: 'Carrito',
    homeTitle: 'DigitalSales España: electrónica, hogar, deporte y mucho más',
    homeDescription: 'Miles de productos con precios actualizados e IVA incluido, enviados a toda España.',
    categoryTitle: (c) => `${c}: productos y precios · DigitalSales España`,
    categoryDescription: (c) => `Todos los productos de la categoría ${c}, con precios actualizados e IVA incluido.`,
    searchTitle: (q) => `Resultados de «${q}» · DigitalSales España`,
    filters: 'Filtros',
    category: 'Categoría',
    brand: 'Marca',
    any: 'Todas',
    minPrice: 'Precio desde (€)',
    maxPrice: 'Precio hasta (€)',
    inStockOnly: 'Solo disponibles',
    sort: 'Ordenar por',
    sorts: { relevance: 'Relevancia', 'price-asc': 'Precio ascendente', 'price-desc': 'Precio descendente', newest: 'Novedades' },
    apply: 'Aplicar',
    clear: 'Borrar filtros',
    results: 'Productos',
    noResults: 'Ningún producto coincide con tu búsqueda.',
    nextPage: 'Página siguiente',
    firstPage: 'Primera página',
    inStock: 'En stock',
    outOfStock: 'Agotado',
    availabilityUnknown: 'Disponibilidad por confirmar',
    added: (d) => `En catálogo desde el ${d}`,
    wholeEuros: 'Introduce un importe en euros sin decimales, por ejemplo 25.',
    invalidValue: 'Valor no válido: corrígelo o déjalo vacío.',
    invalidSort: 'Elige una de las ordenaciones propuestas.',
    invalidPage: 'Este enlace de página ya no es válido: vuelve a la primera página.',
    notFoundTitle: 'Página no encontrada',
    notFoundBody: 'No hay nada en esta dirección: puede que la página se haya movido o que el enlace tenga un error.',
    backHome: 'Volver al inicio',
    cartWithItems: (n) => (n === 1 ? 'Carrito, 1 artículo' : `Carrito, ${n} artículos`),
    pagination: 'Páginas de resultados',
    footerPrices: 'Precios en euros, IVA incluido.',
    orderStatus: 'Estado del pedido',
    unavailable: 'El catálogo no está disponible en este momento. Inténtalo de nuevo en breve.',
  },
};
