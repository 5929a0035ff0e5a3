// The cart, checkout, confirmation and order status pages in the four shop languages: one
// table per language. Plain strings and small functions, no server imports, so the browser
// bundle words its updates with the same table as the server render.
import type { CheckoutField } from '../../server/checkout';
import type { OrderStatus } from '../../server/orders';
import type { ShopLanguage } from '../../common/markets';

export type CheckoutFieldName = Exclude<CheckoutField, 'idempotencyKey'>;

export interface CartTexts {
  readonly quantity: string;
  readonly addToCart: string;
  readonly adding: string;
  readonly added: string;
  readonly viewCart: string;
  readonly cartTitle: string;
  readonly cartEmpty: string;
  readonly continueShopping: string;
  readonly product: string;
  readonly unitPrice: string;
  readonly lineTotal: string;
  readonly total: string;
  readonly quantityFor: (title: string) => string;
  readonly remove: string;
  readonly removeNamed: (title: string) => string;
  readonly updateCart: string;
  readonly toCheckout: string;
  readonly wasPrice: (old: string) => string;
  readonly outOfStock: string;
  readonly notForSale: string;
  /** A line whose current price we cannot sell at (it would not pay for buying the product). */
  readonly belowFloor: string;
  readonly removeUnavailable: string;
  readonly problems: Readonly<
    Record<'out_of_stock' | 'not_for_sale' | 'below_floor' | 'too_many_lines' | 'not_in_cart' | 'unknown', string>
  >;
  readonly checkoutTitle: string;
  readonly orderSummary: string;
  readonly contact: string;
  readonly shippingAddress: string;
  readonly payment: string;
  readonly labels: Readonly<Record<Exclude<CheckoutFieldName, 'paymentMethod' | 'acceptedPrices'>, string>>;
  readonly optional: string;
  readonly country: string;
  readonly countryName: string;
  readonly bankTransfer: string;
  readonly bankTransferHint: string;
  readonly cashOnDelivery: string;
  readonly cashOnDeliveryHint: string;
  readonly placeOrder: string;
  readonly fixErrors: string;
  readonly errors: Readonly<Record<CheckoutFieldName, string>>;
  readonly emptyCartError: string;
  readonly unavailableError: string;
  readonly belowFloorError: string;
  readonly pricesChangedTitle: string;
  readonly priceChange: (title: string, old: string, now: string) => string;
  readonly acceptPrices: string;
  readonly confirmationTitle: string;
  readonly thanks: string;
  readonly orderNumber: string;
  readonly payByTransfer: (amount: string, reference: string) => string;
  readonly payOnDelivery: (amount: string) => string;
  readonly payToTitle: string;
  readonly payTo: Readonly<Record<'beneficiary' | 'iban' | 'bic' | 'reference' | 'amount', string>>;
  readonly confirmationSent: string;
  readonly trackOrder: string;
  readonly noConfirmation: string;
  readonly statusTitle: string;
  readonly statusIntro: string;
  readonly lookUp: string;
  readonly statusNotFound: string;
  readonly currentStatus: string;
  readonly placedOn: (date: string) => string;
  readonly timeline: string;
  readonly shipTo: string;
  readonly statuses: Readonly<Record<OrderStatus, string>>;
  readonly partialRefund: string;
  readonly unavailable: string;
}

export const CART_TEXTS: Readonly<Record<ShopLanguage, CartTexts>> = {
  it: {
    quantity: 'Quantità',
    addToCart: 'Aggiungi al carrello',
    adding: 'Aggiunta in corso…',
    added: 'Aggiunto al carrello.',
    viewCart: 'Vai al carrello',
    cartTitle: 'Carrello',
    cartEmpty: 'Il carrello è vuoto.',
    continueShopping: 'Continua gli acquisti',
    product: 'Prodotto',
    unitPrice: 'Prezzo unitario',
    lineTotal: 'Totale riga',
    total: 'Totale',
    quantityFor: (title) => `Quantità di ${title}`,
    remove: 'Rimuovi',
    removeNamed: (title) => `Rimuovi ${title}`,
    updateCart: 'Aggiorna carrello',
    toCheckout: 'Procedi all’ordine',
    wasPrice: (old) => `prima ${old}`,
    outOfStock: 'Non disponibile',
    notForSale: 'Non più in vendita',
    belowFloor: 'Non disponibile a questo prezzo',
    removeUnavailable: 'Rimuovi i prodotti non disponibili per procedere.',
    problems: {
      out_of_stock: 'Il prodotto non è disponibile al momento.',
      not_for_sale: 'Il prodotto non è in vendita in Italia.',
      below_floor: 'Al momento non possiamo vendere questo prodotto a questo prezzo. Riprova più tardi.',
      too_many_lines: 'Il carrello è pieno.',
      not_in_cart: 'Il prodotto non è nel carrello.',
      unknown: 'Non è stato possibile aggiornare il carrello. Riprova.',
    },
    checkoutTitle: 'Ordine',
    orderSummary: 'Riepilogo',
    contact: 'Contatti',
    shippingAddress: 'Indirizzo di spedizione',
    payment: 'Pagamento',
    labels: {
      email: 'E-mail',
      name: 'Nome e cognome',
      phone: 'Telefono',
      line1: 'Indirizzo',
      line2: 'Presso, scala, interno',
      postalCode: 'CAP',
      city: 'Città',
    },
    optional: 'facoltativo',
    country: 'Paese',
    countryName: 'Italia',
    bankTransfer: 'Bonifico bancario',
    bankTransferHint: 'Spediamo appena riceviamo il pagamento.',
    cashOnDelivery: 'Contrassegno',
    cashOnDeliveryHint: 'Paghi al corriere alla consegna.',
    placeOrder: 'Conferma l’ordine',
    fixErrors: 'Correggi i campi indicati.',
    errors: {
      email: 'Inserisci un indirizzo e-mail valido, per esempio anna@esempio.it.',
      name: 'Inserisci nome e cognome.',
      phone: 'Inserisci un numero di telefono valido, per esempio +39 333 123 4567.',
      line1: 'Inserisci via e numero civico.',
      line2: 'Massimo 200 caratteri.',
      postalCode: 'Il CAP deve essere di 5 cifre, per esempio 00184.',
      city: 'Inserisci la città.',
      paymentMethod: 'Scegli un metodo di pagamento.',
      acceptedPrices: 'Conferma i nuovi prezzi per procedere.',
    },
    emptyCartError: 'Il carrello è vuoto.',
    unavailableError: 'Alcuni prodotti non sono più disponibili: rimuovili dal carrello.',
    belowFloorError: 'Alcuni prodotti non sono più disponibili al prezzo indicato: rimuovili dal carrello per completare l’ordine.',
    pricesChangedTitle: 'Alcuni prezzi sono cambiati da quando hai aggiunto i prodotti',
    priceChange: (title, old, now) => `${title}: prima ${old}, ora ${now}`,
    acceptPrices: 'Accetto i nuovi prezzi',
    confirmationTitle: 'Ordine ricevuto',
    thanks: 'Grazie per il tuo ordine!',
    orderNumber: 'Numero d’ordine',
    payByTransfer: (amount, reference) =>
      `Effettua un bonifico di ${amount} indicando nella causale ${reference}. Spediamo appena riceviamo il pagamento.`,
    payOnDelivery: (amount) => `Pagherai ${amount} al corriere alla consegna.`,
    payToTitle: 'Coordinate per il bonifico',
    payTo: { beneficiary: 'Beneficiario', iban: 'IBAN', bic: 'BIC/SWIFT', reference: 'Causale', amount: 'Importo' },
    confirmationSent: 'Ti abbiamo inviato una conferma per e-mail.',
    trackOrder: 'Segui il tuo ordine',
    noConfirmation: 'Nessun ordine recente da questo carrello.',
    statusTitle: 'Stato dell’ordine',
    statusIntro: 'Inserisci il numero d’ordine e l’e-mail usata per l’ordine.',
    lookUp: 'Cerca',
    statusNotFound: 'Nessun ordine corrisponde a questo numero e a questa e-mail. Controlla e riprova.',
    currentStatus: 'Stato',
    placedOn: (date) => `Effettuato il ${date}`,
    timeline: 'Cronologia',
    shipTo: 'Spedizione a',
    statuses: {
      awaiting_payment: 'In attesa di pagamento',
      confirmed: 'Confermato',
      paid: 'Pagato',
      purchasing: 'In preparazione',
      purchased: 'In preparazione',
      shipped: 'Spedito',
      delivered: 'Consegnato',
      cancelled: 'Annullato',
      refund_pending: 'Rimborso in corso',
      refunded: 'Rimborsato',
      needs_attention: 'In verifica',
    },
    partialRefund: 'Rimborso parziale',
    unavailable: 'Il servizio non è raggiungibile in questo momento. Riprova tra poco.',
  },
  fr: {
    quantity: 'Quantité',
    addToCart: 'Ajouter au panier',
    adding: 'Ajout en cours…',
    added: 'Ajouté au panier.',
    viewCart: 'Voir le panier',
    cartTitle: 'Panier',
    cartEmpty: 'Votre panier est vide.',
    continueShopping: 'Continuer mes achats',
    product: 'Produit',
    unitPrice: 'Prix unitaire',
    lineTotal: 'Total ligne',
    total: 'Total',
    quantityFor: (title) => `Quantité de ${title}`,
    remove: 'Retirer',
    removeNamed: (title) => `Retirer ${title}`,
    updateCart: 'Mettre à jour le panier',
    toCheckout: 'Passer la commande',
    wasPrice: (old) => `avant ${old}`,
    outOfStock: 'Rupture de stock',
    notForSale: 'Plus en vente',
    belowFloor: 'Indisponible à ce prix',
    removeUnavailable: 'Retirez les produits indisponibles pour continuer.',
    problems: {
      out_of_stock: 'Ce produit est en rupture de stock.',
      not_for_sale: "Ce produit n'est pas vendu en France.",
      below_floor: 'Nous ne pouvons pas vendre ce produit à ce prix pour le moment. Réessayez plus tard.',
      too_many_lines: 'Votre panier est plein.',
      not_in_cart: "Ce produit n'est pas dans votre panier.",
      unknown: "Le panier n'a pas pu être mis à jour. Réessayez.",
    },
    checkoutTitle: 'Commande',
    orderSummary: 'Récapitulatif',
    contact: 'Coordonnées',
    shippingAddress: 'Adresse de livraison',
    payment: 'Paiement',
    labels: {
      email: 'E-mail',
      name: 'Nom et prénom',
      phone: 'Téléphone',
      line1: 'Adresse',
      line2: "Complément d'adresse",
      postalCode: 'Code postal',
      city: 'Ville',
    },
    optional: 'facultatif',
    country: 'Pays',
    countryName: 'France',
    bankTransfer: 'Virement bancaire',
    bankTransferHint: 'Nous expédions dès réception du paiement.',
    cashOnDelivery: 'Paiement à la livraison',
    cashOnDeliveryHint: 'Vous payez le livreur à la réception.',
    placeOrder: 'Valider la commande',
    fixErrors: 'Corrigez les champs signalés.',
    errors: {
      email: 'Saisissez une adresse e-mail valide, par exemple anne@exemple.fr.',
      name: 'Saisissez vos nom et prénom.',
      phone: 'Saisissez un numéro de téléphone valide, par exemple 06 12 34 56 78.',
      line1: 'Saisissez le numéro et la rue.',
      line2: '200 caractères au maximum.',
      postalCode: 'Le code postal doit comporter 5 chiffres, par exemple 75008.',
      city: 'Saisissez la ville.',
      paymentMethod: 'Choisissez un mode de paiement.',
      acceptedPrices: 'Confirmez les nouveaux prix pour continuer.',
    },
    emptyCartError: 'Votre panier est vide.',
    unavailableError: 'Certains produits ne sont plus disponibles : retirez-les du panier.',
    belowFloorError: 'Certains produits ne sont plus disponibles au prix indiqué : retirez-les du panier pour finaliser la commande.',
    pricesChangedTitle: 'Certains prix ont changé depuis que vous avez ajouté les produits',
    priceChange: (title, old, now) => `${title} : avant ${old}, maintenant ${now}`,
    acceptPrices: "J'accepte les nouveaux prix",
    confirmationTitle: 'Commande reçue',
    thanks: 'Merci pour votre commande !',
    orderNumber: 'Numéro de commande',
    payByTransfer: (amount, reference) =>
      `Effectuez un virement de ${amount} avec la référence ${reference}. Nous expédions dès réception du paiement.`,
    payOnDelivery: (amount) => `Vous paierez ${amount} au livreur à la réception.`,
    payToTitle: 'Coordonnées bancaires pour le virement',
    payTo: { beneficiary: 'Bénéficiaire', iban: 'IBAN', bic: 'BIC', reference: 'Référence', amount: 'Montant' },
    confirmationSent: 'Une confirmation vous a été envoyée par e-mail.',
    trackOrder: 'Suivre ma commande',
    noConfirmation: 'Aucune commande récente depuis ce panier.',
    statusTitle: 'Suivi de commande',
    statusIntro: 'Saisissez le numéro de commande et l’e-mail utilisé pour la commande.',
    lookUp: 'Rechercher',
    statusNotFound: 'Aucune commande ne correspond à ce numéro et à cet e-mail. Vérifiez et réessayez.',
    currentStatus: 'Statut',
    placedOn: (date) => `Passée le ${date}`,
    timeline: 'Historique',
    shipTo: 'Livraison à',
    statuses: {
      awaiting_payment: 'En attente de paiement',
      confirmed: 'Confirmée',
      paid: 'Payée',
      purchasing: 'En préparation',
      purchased: 'En préparation',
      shipped: 'Expédiée',
      delivered: 'Livrée',
      cancelled: 'Annulée',
      refund_pending: 'Remboursement en cours',
      refunded: 'Remboursée',
      needs_attention: 'En cours de vérification',
    },
    partialRefund: 'Remboursement partiel',
    unavailable: 'Le service est momentanément indisponible. Réessayez dans un instant.',
  },
  de: {
    quantity: 'Menge',
    addToCart: 'In den Warenkorb',
    adding: 'Wird hinzugefügt…',
    added: 'In den Warenkorb gelegt.',
    viewCart: 'Zum Warenkorb',
    cartTitle: 'Warenkorb',
    cartEmpty: 'Ihr Warenkorb ist leer.',
    continueShopping: 'Weiter einkaufen',
    product: 'Produkt',
    unitPrice: 'Stückpreis',
    lineTotal: 'Summe',
    total: 'Gesamt',
    quantityFor: (title) => `Menge von ${title}`,
    remove: 'Entfernen',
    removeNamed: (title) => `${title} entfernen`,
    updateCart: 'Warenkorb aktualisieren',
    toCheckout: 'Zur Kasse',
    wasPrice: (old) => `vorher ${old}`,
    outOfStock: 'Nicht auf Lager',
    notForSale: 'Nicht mehr im Verkauf',
    belowFloor: 'Zu diesem Preis nicht verfügbar',
    removeUnavailable: 'Entfernen Sie die nicht verfügbaren Produkte, um fortzufahren.',
    problems: {
      out_of_stock: 'Dieses Produkt ist derzeit nicht auf Lager.',
      not_for_sale: 'Dieses Produkt wird in Deutschland nicht verkauft.',
      below_floor: 'Wir können dieses Produkt derzeit nicht zu diesem Preis verkaufen. Bitte versuchen Sie es später erneut.',
      too_many_lines: 'Ihr Warenkorb ist voll.',
      not_in_cart: 'Dieses Produkt ist nicht im Warenkorb.',
      unknown: 'Der Warenkorb konnte nicht aktualisiert werden. Bitte erneut versuchen.',
    },
    checkoutTitle: 'Kasse',
    orderSummary: 'Übersicht',
    contact: 'Kontakt',
    shippingAddress: 'Lieferadresse',
    payment: 'Zahlung',
    labels: {
      email: 'E-Mail',
      name: 'Vor- und Nachname',
      phone: 'Telefon',
      line1: 'Straße und Hausnummer',
      line2: 'Adresszusatz',
      postalCode: 'PLZ',
      city: 'Ort',
    },
    optional: 'optional',
    country: 'Land',
    countryName: 'Deutschland',
    bankTransfer: 'Banküberweisung',
    bankTransferHint: 'Wir versenden, sobald die Zahlung eingegangen ist.',
    cashOnDelivery: 'Nachnahme',
    cashOnDeliveryHint: 'Sie bezahlen bei der Lieferung.',
    placeOrder: 'Zahlungspflichtig bestellen',
    fixErrors: 'Bitte korrigieren Sie die markierten Felder.',
    errors: {
      email: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. anna@beispiel.de.',
      name: 'Bitte geben Sie Vor- und Nachnamen ein.',
      phone: 'Bitte geben Sie eine gültige Telefonnummer ein, z. B. 0151 23456789.',
      line1: 'Bitte geben Sie Straße und Hausnummer ein.',
      line2: 'Höchstens 200 Zeichen.',
      postalCode: 'Die PLZ muss aus 5 Ziffern bestehen, z. B. 10115.',
      city: 'Bitte geben Sie den Ort ein.',
      paymentMethod: 'Bitte wählen Sie eine Zahlungsart.',
      acceptedPrices: 'Bitte bestätigen Sie die neuen Preise, um fortzufahren.',
    },
    emptyCartError: 'Ihr Warenkorb ist leer.',
    unavailableError: 'Einige Produkte sind nicht mehr verfügbar: Bitte entfernen Sie sie aus dem Warenkorb.',
    belowFloorError:
      'Einige Produkte sind zum angegebenen Preis nicht mehr verfügbar: Bitte entfernen Sie sie aus dem Warenkorb, um die Bestellung abzuschließen.',
    pricesChangedTitle: 'Einige Preise haben sich geändert, seit Sie die Produkte hinzugefügt haben',
    priceChange: (title, old, now) => `${title}: vorher ${old}, jetzt ${now}`,
    acceptPrices: 'Ich akzeptiere die neuen Preise',
    confirmationTitle: 'Bestellung eingegangen',
    thanks: 'Vielen Dank für Ihre Bestellung!',
    orderNumber: 'Bestellnummer',
    payByTransfer: (amount, reference) =>
      `Bitte überweisen Sie ${amount} mit dem Verwendungszweck ${reference}. Wir versenden, sobald die Zahlung eingegangen ist.`,
    payOnDelivery: (amount) => `Sie bezahlen ${amount} bei der Lieferung.`,
    payToTitle: 'Bankverbindung für die Überweisung',
    payTo: { beneficiary: 'Empfänger', iban: 'IBAN', bic: 'BIC', reference: 'Verwendungszweck', amount: 'Betrag' },
    confirmationSent: 'Wir haben Ihnen eine Bestätigung per E-Mail gesendet.',
    trackOrder: 'Bestellung verfolgen',
    noConfirmation: 'Keine aktuelle Bestellung aus diesem Warenkorb.',
    statusTitle: 'Bestellstatus',
    statusIntro: 'Geben Sie die Bestellnummer und die bei der Bestellung verwendete E-Mail-Adresse ein.',
    lookUp: 'Suchen',
    statusNotFound: 'Keine Bestellung passt zu dieser Nummer und dieser E-Mail-Adresse. Bitte prüfen und erneut versuchen.',
    currentStatus: 'Status',
    placedOn: (date) => `Bestellt am ${date}`,
    timeline: 'Verlauf',
    shipTo: 'Lieferung an',
    statuses: {
      awaiting_payment: 'Zahlung ausstehend',
      confirmed: 'Bestätigt',
      paid: 'Bezahlt',
      purchasing: 'In Bearbeitung',
      purchased: 'In Bearbeitung',
      shipped: 'Versandt',
      delivered: 'Zugestellt',
      cancelled: 'Storniert',
      refund_pending: 'Erstattung läuft',
      refunded: 'Erstattet',
      needs_attention: 'In Prüfung',
    },
    partialRefund: 'Teilerstattung',
    unavailable: 'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
  },
  es: {
    quantity: 'Cantidad',
    addToCart: 'Añadir al carrito',
    adding: 'Añadiendo…',
    added: 'Añadido al carrito.',
    viewCart: 'Ver el carrito',
    cartTitle: 'Carrito',
    cartEmpty: 'Tu carrito está vacío.',
    continueShopping: 'Seguir comprando',
    product: 'Producto',
    unitPrice: 'Precio unitario',
    lineTotal: 'Total línea',
    total: 'Total',
    quantityFor: (title) => `Cantidad de ${title}`,
    remove: 'Eliminar',
    removeNamed: (title) => `Eliminar ${title}`,
    updateCart: 'Actualizar carrito',
    toCheckout: 'Tramitar pedido',
    wasPrice: (old) => `antes ${old}`,
    outOfStock: 'Agotado',
    notForSale: 'Ya no está a la venta',
    belowFloor: 'No disponible a este precio',
    removeUnavailable: 'Elimina los productos no disponibles para continuar.',
    problems: {
      out_of_stock: 'Este producto está agotado.',
      not_for_sale: 'Este producto no se vende en España.',
      below_floor: 'En este momento no podemos vender este producto a este precio. Inténtalo más tarde.',
      too_many_lines: 'Tu carrito está lleno.',
      not_in_cart: 'Este producto no está en tu carrito.',
      unknown: 'No se pudo actualizar el carrito. Inténtalo de nuevo.',
    },
    checkoutTitle: 'Pedido',
    orderSummary: 'Resumen',
    contact: 'Datos de contacto',
    shippingAddress: 'Dirección de envío',
    payment: 'Pago',
    labels: {
      email: 'Correo electrónico',
      name: 'Nombre y apellidos',
      phone: 'Teléfono',
      line1: 'Dirección',
      line2: 'Piso, puerta',
      postalCode: 'Código postal',
      city: 'Ciudad',
    },
    optional: 'opcional',
    country: 'País',
    countryName: 'España',
    bankTransfer: 'Transferencia bancaria',
    bankTransferHint: 'Enviamos en cuanto recibimos el pago.',
    cashOnDelivery: 'Contra reembolso',
    cashOnDeliveryHint: 'Pagas al repartidor en la entrega.',
    placeOrder: 'Confirmar pedido',
    fixErrors: 'Corrige los campos indicados.',
    errors: {
      email: 'Introduce un correo electrónico válido, por ejemplo ana@ejemplo.es.',
      name: 'Introduce tu nombre y apellidos.',
      phone: 'Introduce un teléfono válido, por ejemplo 612 34 56 78.',
      line1: 'Introduce la calle y el número.',
      line2: 'Máximo 200 caracteres.',
      postalCode: 'El código postal tiene 5 cifras y empieza por una provincia del 01 al 52, por ejemplo 28013.',
      city: 'Introduce la ciudad.',
      paymentMethod: 'Elige una forma de pago.',
      acceptedPrices: 'Confirma los nuevos precios para continuar.',
    },
    emptyCartError: 'Tu carrito está vacío.',
    unavailableError: 'Algunos productos ya no están disponibles: elimínalos del carrito.',
    belowFloorError: 'Algunos productos ya no están disponibles al precio indicado: elimínalos del carrito para completar el pedido.',
    pricesChangedTitle: 'Algunos precios han cambiado desde que añadiste los productos',
    priceChange: (title, old, now) => `${title}: antes ${old}, ahora ${now}`,
    acceptPrices: 'Acepto los nuevos precios',
    confirmationTitle: 'Pedido recibido',
    thanks: '¡Gracias por tu pedido!',
    orderNumber: 'Número de pedido',
    payByTransfer: (amount, reference) =>
      `Haz una transferencia de ${amount} indicando la referencia ${reference}. Enviamos en cuanto recibimos el pago.`,
    payOnDelivery: (amount) => `Pagarás ${amount} al repartidor en la entrega.`,
    payToTitle: 'Datos para la transferencia',
    payTo: { beneficiary: 'Beneficiario', iban: 'IBAN', bic: 'BIC/SWIFT', reference: 'Concepto', amount: 'Importe' },
    confirmationSent: 'Te hemos enviado una confirmación por correo electrónico.',
    trackOrder: 'Seguir mi pedido',
    noConfirmation: 'No hay ningún pedido reciente desde este carrito.',
    statusTitle: 'Estado del pedido',
    statusIntro: 'Introduce el número de pedido y el correo electrónico que usaste al hacerlo.',
    lookUp: 'Buscar',
    statusNotFound: 'Ningún pedido coincide con este número y este correo electrónico. Compruébalos e inténtalo de nuevo.',
    currentStatus: 'Estado',
    placedOn: (date) => `Realizado el ${date}`,
    timeline: 'Historial',
    shipTo: 'Envío a',
    statuses: {
      awaiting_payment: 'Pendiente de pago',
      confirmed: 'Confirmado',
      paid: 'Pagado',
      purchasing: 'En preparación',
      purchased: 'En preparación',
      shipped: 'Enviado',
      delivered: 'Entregado',
      cancelled: 'Cancelado',
      refund_pending: 'Reembolso en curso',
      refunded: 'Reembolsado',
      needs_attention: 'En revisión',
    },
    partialRefund: 'Reembolso parcial',
    unavailable: 'El servicio no está disponible en este momento. Inténtalo de nuevo en breve.',
  },
};

export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}
