// The vocabulary of the simulated catalog: categories, product types, features, colours, brands
// and sellers, in Italian, French, German and Spanish. The generator combines them; shared
// products take the same entries in every market, so their titles are translations of each other.
// Features are phrases rather than adjectives so that they never need gender agreement.
import type { MarketCode } from '../../src/common/markets';

/** One text per market's language. */
export type Localized = Readonly<Record<MarketCode, string>>;

export interface Category {
  readonly key: string;
  readonly name: Localized;
  /** The path segment of the category's listing page, `/c/{slug}`. */
  readonly slug: Localized;
  readonly types: readonly Localized[];
  readonly features: readonly Localized[];
  /** Typical price range in cents; prices are drawn log-uniformly inside it. */
  readonly minPriceCents: number;
  readonly maxPriceCents: number;
}

export const CATEGORIES: readonly Category[] = [
  {
    key: 'electronics',
    name: { it: 'Elettronica', fr: 'Électronique', de: 'Elektronik & Foto', es: 'Electrónica' },
    slug: { it: 'elettronica', fr: 'electronique', de: 'elektronik-foto', es: 'electronica' },
    types: [
      { it: 'Cuffie Bluetooth', fr: 'Casque Bluetooth', de: 'Bluetooth-Kopfhörer', es: 'Auriculares Bluetooth' },
      { it: 'Altoparlante Portatile', fr: 'Enceinte Portable', de: 'Tragbarer Lautsprecher', es: 'Altavoz Portátil' },
      { it: 'Power Bank', fr: 'Batterie Externe', de: 'Powerbank', es: 'Batería Externa' },
      { it: 'Smartwatch', fr: 'Montre Connectée', de: 'Smartwatch', es: 'Reloj Inteligente' },
      { it: 'Caricatore USB-C', fr: 'Chargeur USB-C', de: 'USB-C Ladegerät', es: 'Cargador USB-C' },
    ],
    features: [
      {
        it: 'con cancellazione del rumore',
        fr: 'avec réduction de bruit active',
        de: 'mit Geräuschunterdrückung',
        es: 'con cancelación de ruido',
      },
      { it: 'autonomia 30 ore', fr: 'autonomie de 30 heures', de: '30 Stunden Akkulaufzeit', es: '30 horas de autonomía' },
      { it: 'ricarica rapida', fr: 'charge rapide', de: 'Schnellladefunktion', es: 'carga rápida' },
      { it: 'resistenza all’acqua IPX7', fr: 'étanchéité IPX7', de: 'wasserdicht nach IPX7', es: 'resistencia al agua IPX7' },
    ],
    minPriceCents: 1_499,
    maxPriceCents: 149_999,
  },
  {
    key: 'kitchen',
    name: { it: 'Casa e cucina', fr: 'Cuisine et Maison', de: 'Küche, Haushalt & Wohnen', es: 'Hogar y cocina' },
    slug: { it: 'casa-e-cucina', fr: 'cuisine-maison', de: 'kueche-haushalt-wohnen', es: 'hogar-y-cocina' },
    types: [
      { it: 'Friggitrice ad Aria', fr: 'Friteuse sans Huile', de: 'Heißluftfritteuse', es: 'Freidora de Aire' },
      { it: 'Macchina da Caffè', fr: 'Machine à Café', de: 'Kaffeemaschine', es: 'Cafetera' },
      { it: 'Set di Pentole', fr: 'Batterie de Cuisine', de: 'Topfset', es: 'Batería de Cocina' },
      { it: 'Frullatore', fr: 'Blender', de: 'Standmixer', es: 'Batidora de Vaso' },
      { it: 'Bollitore Elettrico', fr: 'Bouilloire Électrique', de: 'Wasserkocher', es: 'Hervidor Eléctrico' },
    ],
    features: [
      { it: 'in acciaio inox', fr: 'en acier inoxydable', de: 'aus Edelstahl', es: 'de acero inoxidable' },
      { it: 'senza BPA', fr: 'sans BPA', de: 'BPA-frei', es: 'sin BPA' },
      { it: 'lavabile in lavastoviglie', fr: 'compatible lave-vaisselle', de: 'spülmaschinengeeignet', es: 'apto para lavavajillas' },
      { it: 'capacità 1,7 litri', fr: 'capacité de 1,7 litre', de: '1,7 Liter Fassungsvermögen', es: 'capacidad de 1,7 litros' },
    ],
    minPriceCents: 1_299,
    maxPriceCents: 59_999,
  },
  {
    key: 'sports',
    name: { it: 'Sport e tempo libero', fr: 'Sports et Loisirs', de: 'Sport & Freizeit', es: 'Deportes y aire libre' },
    slug: { it: 'sport-e-tempo-libero', fr: 'sports-loisirs', de: 'sport-freizeit', es: 'deportes-aire-libre' },
    types: [
      { it: 'Tappetino Yoga', fr: 'Tapis de Yoga', de: 'Yogamatte', es: 'Esterilla de Yoga' },
      { it: 'Manubri Regolabili', fr: 'Haltères Réglables', de: 'Verstellbare Hanteln', es: 'Mancuernas Ajustables' },
      { it: 'Borraccia Termica', fr: 'Gourde Isotherme', de: 'Thermo-Trinkflasche', es: 'Botella Térmica' },
      { it: 'Zaino da Trekking', fr: 'Sac à Dos de Randonnée', de: 'Wanderrucksack', es: 'Mochila de Senderismo' },
    ],
    features: [
      {
        it: 'con superficie antiscivolo',
        fr: 'avec surface antidérapante',
        de: 'mit rutschfester Oberfläche',
        es: 'con superficie antideslizante',
      },
      { it: 'peso di soli 250 g', fr: 'poids de 250 g seulement', de: 'nur 250 g Gewicht', es: 'peso de solo 250 g' },
      { it: 'con borsa per il trasporto', fr: 'avec sac de transport', de: 'mit Tragetasche', es: 'con bolsa de transporte' },
      {
        it: 'per principianti ed esperti',
        fr: 'pour débutants et confirmés',
        de: 'für Anfänger und Profis',
        es: 'para principiantes y expertos',
      },
    ],
    minPriceCents: 999,
    maxPriceCents: 29_999,
  },
  {
    key: 'toys',
    name: { it: 'Giochi e giocattoli', fr: 'Jeux et Jouets', de: 'Spielzeug', es: 'Juguetes y juegos' },
    slug: { it: 'giochi-e-giocattoli', fr: 'jeux-jouets', de: 'spielzeug', es: 'juguetes-y-juegos' },
    types: [
      { it: 'Set di Costruzioni', fr: 'Jeu de Construction', de: 'Bausteine-Set', es: 'Juego de Construcción' },
      { it: 'Puzzle 1000 Pezzi', fr: 'Puzzle 1000 Pièces', de: 'Puzzle 1000 Teile', es: 'Puzle 1000 Piezas' },
      { it: 'Gioco da Tavolo', fr: 'Jeu de Société', de: 'Brettspiel', es: 'Juego de Mesa' },
      { it: 'Peluche', fr: 'Peluche', de: 'Plüschtier', es: 'Peluche' },
    ],
    features: [
      { it: 'dai 6 anni in su', fr: 'dès 6 ans', de: 'ab 6 Jahren', es: 'a partir de 6 años' },
      { it: 'per tutta la famiglia', fr: 'pour toute la famille', de: 'für die ganze Familie', es: 'para toda la familia' },
      { it: 'in materiali riciclati', fr: 'en matériaux recyclés', de: 'aus recycelten Materialien', es: 'de materiales reciclados' },
      { it: 'idea regalo', fr: 'idée cadeau', de: 'Geschenkidee', es: 'idea de regalo' },
    ],
    minPriceCents: 799,
    maxPriceCents: 14_999,
  },
  {
    key: 'beauty',
    name: { it: 'Bellezza', fr: 'Beauté et Parfum', de: 'Beauty', es: 'Belleza' },
    slug: { it: 'bellezza', fr: 'beaute-parfum', de: 'beauty', es: 'belleza' },
    types: [
      { it: 'Asciugacapelli', fr: 'Sèche-Cheveux', de: 'Haartrockner', es: 'Secador de Pelo' },
      { it: 'Spazzolino Elettrico', fr: 'Brosse à Dents Électrique', de: 'Elektrische Zahnbürste', es: 'Cepillo de Dientes Eléctrico' },
      { it: 'Crema Viso', fr: 'Crème Visage', de: 'Gesichtscreme', es: 'Crema Facial' },
      { it: 'Rasoio Elettrico', fr: 'Rasoir Électrique', de: 'Elektrorasierer', es: 'Afeitadora Eléctrica' },
    ],
    features: [
      { it: 'con tecnologia ionica', fr: 'avec technologie ionique', de: 'mit Ionen-Technologie', es: 'con tecnología iónica' },
      { it: 'per pelli sensibili', fr: 'pour peaux sensibles', de: 'für empfindliche Haut', es: 'para pieles sensibles' },
      { it: 'ricaricabile via USB', fr: 'rechargeable par USB', de: 'per USB aufladbar', es: 'recargable por USB' },
      { it: 'dermatologicamente testato', fr: 'testé dermatologiquement', de: 'dermatologisch getestet', es: 'testado dermatológicamente' },
    ],
    minPriceCents: 599,
    maxPriceCents: 24_999,
  },
  {
    key: 'tools',
    name: { it: 'Fai da te', fr: 'Bricolage', de: 'Baumarkt', es: 'Bricolaje y herramientas' },
    slug: { it: 'fai-da-te', fr: 'bricolage', de: 'baumarkt', es: 'bricolaje-herramientas' },
    types: [
      { it: 'Trapano Avvitatore', fr: 'Perceuse Visseuse', de: 'Akku-Bohrschrauber', es: 'Taladro Atornillador' },
      { it: 'Set di Cacciaviti', fr: 'Jeu de Tournevis', de: 'Schraubendreher-Set', es: 'Juego de Destornilladores' },
      { it: 'Livella Laser', fr: 'Niveau Laser', de: 'Kreuzlinienlaser', es: 'Nivel Láser' },
      { it: 'Cassetta degli Attrezzi', fr: 'Caisse à Outils', de: 'Werkzeugkoffer', es: 'Caja de Herramientas' },
    ],
    features: [
      { it: '18 V con 2 batterie', fr: '18 V avec 2 batteries', de: '18 V mit 2 Akkus', es: '18 V con 2 baterías' },
      { it: 'con valigetta', fr: 'avec mallette', de: 'mit Koffer', es: 'con maletín' },
      { it: 'per uso professionale', fr: 'pour usage professionnel', de: 'für den Profi-Einsatz', es: 'para uso profesional' },
      { it: 'garanzia 3 anni', fr: 'garantie 3 ans', de: '3 Jahre Garantie', es: 'garantía de 3 años' },
    ],
    minPriceCents: 1_499,
    maxPriceCents: 39_999,
  },
  {
    key: 'garden',
    name: { it: 'Giardino e giardinaggio', fr: 'Jardin', de: 'Garten', es: 'Jardín' },
    slug: { it: 'giardino', fr: 'jardin', de: 'garten', es: 'jardin' },
    types: [
      { it: 'Tubo da Giardino', fr: 'Tuyau d’Arrosage', de: 'Gartenschlauch', es: 'Manguera de Jardín' },
      { it: 'Lampada Solare', fr: 'Lampe Solaire', de: 'Solarleuchte', es: 'Lámpara Solar' },
      { it: 'Forbici da Potatura', fr: 'Sécateur', de: 'Gartenschere', es: 'Tijeras de Podar' },
      { it: 'Irrigatore', fr: 'Arroseur', de: 'Rasensprenger', es: 'Aspersor' },
    ],
    features: [
      { it: 'resistente alle intemperie', fr: 'résistant aux intempéries', de: 'wetterfest', es: 'resistente a la intemperie' },
      { it: 'lunghezza 30 metri', fr: 'longueur de 30 mètres', de: '30 Meter lang', es: 'longitud de 30 metros' },
      { it: 'con sensore crepuscolare', fr: 'avec détecteur crépusculaire', de: 'mit Dämmerungssensor', es: 'con sensor crepuscular' },
      { it: 'impugnatura ergonomica', fr: 'poignée ergonomique', de: 'ergonomischer Griff', es: 'empuñadura ergonómica' },
    ],
    minPriceCents: 899,
    maxPriceCents: 19_999,
  },
  {
    key: 'pets',
    name: { it: 'Prodotti per animali domestici', fr: 'Animalerie', de: 'Haustier', es: 'Productos para mascotas' },
    slug: { it: 'animali-domestici', fr: 'animalerie', de: 'haustier', es: 'mascotas' },
    types: [
      { it: 'Cuccia per Cani', fr: 'Panier pour Chien', de: 'Hundebett', es: 'Cama para Perros' },
      { it: 'Tiragraffi', fr: 'Arbre à Chat', de: 'Kratzbaum', es: 'Rascador para Gatos' },
      { it: 'Guinzaglio Retrattile', fr: 'Laisse Rétractable', de: 'Rollleine', es: 'Correa Extensible' },
      { it: 'Fontanella per Gatti', fr: 'Fontaine à Eau pour Chat', de: 'Katzenbrunnen', es: 'Fuente para Gatos' },
    ],
    features: [
      { it: 'sfoderabile e lavabile', fr: 'déhoussable et lavable', de: 'mit abnehmbarem, waschbarem Bezug', es: 'con funda lavable' },
      {
        it: 'per taglie medie e grandi',
        fr: 'pour moyennes et grandes tailles',
        de: 'für mittelgroße und große Tiere',
        es: 'para tallas medianas y grandes',
      },
      { it: 'funzionamento silenzioso', fr: 'fonctionnement silencieux', de: 'leiser Betrieb', es: 'funcionamiento silencioso' },
      { it: 'lunghezza 5 metri', fr: 'longueur de 5 mètres', de: '5 Meter Länge', es: 'longitud de 5 metros' },
    ],
    minPriceCents: 699,
    maxPriceCents: 17_999,
  },
  {
    key: 'office',
    name: {
      it: 'Cancelleria e prodotti per ufficio',
      fr: 'Fournitures de bureau',
      de: 'Bürobedarf & Schreibwaren',
      es: 'Oficina y papelería',
    },
    slug: { it: 'cancelleria-ufficio', fr: 'fournitures-bureau', de: 'buerobedarf-schreibwaren', es: 'oficina-papeleria' },
    types: [
      { it: 'Sedia da Ufficio', fr: 'Chaise de Bureau', de: 'Bürostuhl', es: 'Silla de Oficina' },
      { it: 'Lampada da Scrivania', fr: 'Lampe de Bureau', de: 'Schreibtischlampe', es: 'Lámpara de Escritorio' },
      { it: 'Quaderno A4', fr: 'Cahier A4', de: 'Notizbuch A4', es: 'Cuaderno A4' },
      { it: 'Distruggidocumenti', fr: 'Destructeur de Documents', de: 'Aktenvernichter', es: 'Destructora de Papel' },
    ],
    features: [
      { it: 'con supporto lombare', fr: 'avec soutien lombaire', de: 'mit Lordosenstütze', es: 'con soporte lumbar' },
      { it: 'luce LED regolabile', fr: 'lumière LED réglable', de: 'dimmbares LED-Licht', es: 'luz LED regulable' },
      { it: 'carta da 100 g/m²', fr: 'papier 100 g/m²', de: '100 g/m² Papier', es: 'papel de 100 g/m²' },
      { it: 'taglio a frammento', fr: 'coupe croisée', de: 'Partikelschnitt', es: 'corte en partículas' },
    ],
    minPriceCents: 499,
    maxPriceCents: 34_999,
  },
  {
    key: 'automotive',
    name: { it: 'Auto e Moto', fr: 'Auto et Moto', de: 'Auto & Motorrad', es: 'Coche y moto' },
    slug: { it: 'auto-e-moto', fr: 'auto-moto', de: 'auto-motorrad', es: 'coche-y-moto' },
    types: [
      { it: 'Dash Cam', fr: 'Caméra de Bord', de: 'Dashcam', es: 'Cámara para Coche' },
      { it: 'Compressore Portatile', fr: 'Compresseur Portable', de: 'Tragbarer Kompressor', es: 'Compresor Portátil' },
      {
        it: 'Supporto Smartphone per Auto',
        fr: 'Support Téléphone Voiture',
        de: 'Handyhalterung fürs Auto',
        es: 'Soporte Móvil para Coche',
      },
      { it: 'Aspirapolvere per Auto', fr: 'Aspirateur de Voiture', de: 'Autostaubsauger', es: 'Aspiradora para Coche' },
    ],
    features: [
      { it: 'risoluzione 4K', fr: 'résolution 4K', de: '4K-Auflösung', es: 'resolución 4K' },
      { it: 'con visione notturna', fr: 'avec vision nocturne', de: 'mit Nachtsicht', es: 'con visión nocturna' },
      { it: 'alimentazione 12 V', fr: 'alimentation 12 V', de: '12-V-Anschluss', es: 'alimentación de 12 V' },
      {
        it: 'installazione senza attrezzi',
        fr: 'installation sans outils',
        de: 'werkzeuglose Montage',
        es: 'instalación sin herramientas',
      },
    ],
    minPriceCents: 999,
    maxPriceCents: 29_999,
  },
];

export interface Colour {
  readonly name: Localized;
  /** Fill of the generated product images. */
  readonly hex: string;
}

export const COLOURS: readonly Colour[] = [
  { name: { it: 'Nero', fr: 'Noir', de: 'Schwarz', es: 'Negro' }, hex: '#222222' },
  { name: { it: 'Bianco', fr: 'Blanc', de: 'Weiß', es: 'Blanco' }, hex: '#f4f4f4' },
  { name: { it: 'Grigio', fr: 'Gris', de: 'Grau', es: 'Gris' }, hex: '#8a8d91' },
  { name: { it: 'Blu', fr: 'Bleu', de: 'Blau', es: 'Azul' }, hex: '#1f4e9c' },
  { name: { it: 'Rosso', fr: 'Rouge', de: 'Rot', es: 'Rojo' }, hex: '#b3261e' },
  { name: { it: 'Verde', fr: 'Vert', de: 'Grün', es: 'Verde' }, hex: '#2e7d32' },
  { name: { it: 'Argento', fr: 'Argent', de: 'Silber', es: 'Plata' }, hex: '#c0c4c8' },
  { name: { it: 'Rosa', fr: 'Rose', de: 'Rosa', es: 'Rosa' }, hex: '#e91e63' },
];

/** Invented brands, so no page imitates a real company's products. */
export const BRANDS: readonly string[] = [
  'Voltaris',
  'Nordvik',
  'Casaluce',
  'Bergmann',
  'Lumio',
  'Ferrani',
  'Kestrel',
  'Altura',
  'Quintessa',
  'Brava',
  'Tecnova',
  'Solmar',
  'Heimwerk',
  'Ondine',
  'Valmont',
  'Zephyr',
  'Orbita',
  'Pixelia',
  'Montebello',
  'Grünwald',
  'Marisol',
  'Atlante',
  'Vektor',
  'Belcasa',
];

/** GS1 prefixes by country of the brand owner (Italy 800–839, France 300–379, Germany 400–440, Spain 840–849). */
export const GS1_PREFIXES: readonly number[] = [800, 803, 805, 809, 300, 340, 376, 400, 401, 426, 840, 841, 843];

/** Third-party sellers by market; the shop itself also sells, under its own name. */
export const SELLERS: Readonly<Record<MarketCode, readonly string[]>> = {
  it: ['Elettronica Rossi Srl', 'Casa Bella Shop', 'TuttoSport Italia', 'Ferramenta Bianchi', 'Emporio Verdi'],
  fr: ['Boutique Lefèvre', 'Maison & Co SARL', 'Sport Évasion', 'Outillage Martin', 'Le Petit Bazar'],
  de: ['Technik-Handel Müller GmbH', 'Haus & Herd', 'Sportwelt Schneider', 'Werkzeug Becker', 'Kaufhaus Fischer'],
  es: ['Electrónica García S.L.', 'Hogar Martínez', 'Deportes Sánchez', 'Ferretería López', 'Bazar Fernández'],
};

/** Sentences for the product description: `{brand}`, `{type}`, `{f1}`, `{f2}` are filled in. */
export const DESCRIPTIONS: Readonly<Record<MarketCode, readonly string[]>> = {
  it: ['{brand} presenta {type}: {f1} e {f2}. Garanzia di 2 anni.', 'Scopri {type} di {brand}, {f1}. Ideale ogni giorno, {f2}.'],
  fr: ['{brand} présente {type} : {f1} et {f2}. Garantie 2 ans.', 'Découvrez {type} de {brand}, {f1}. Idéal au quotidien, {f2}.'],
  de: ['{brand} {type}: {f1} und {f2}. 2 Jahre Herstellergarantie.', 'Entdecken Sie {type} von {brand}, {f1}. Ideal für jeden Tag, {f2}.'],
  es: ['{brand} presenta {type}: {f1} y {f2}. Garantía de 2 años.', 'Descubre {type} de {brand}, {f1}. Ideal para el día a día, {f2}.'],
};
