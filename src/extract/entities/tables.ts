/**
 * General word tables for reading names and roles in Norwegian and English news text.
 * Nothing here is about any particular article: only common first names, role nouns,
 * countries with their demonyms, and the small words that glue names together.
 */

import { lexicon } from '../../language/lexicon';
import { stem } from '../../language/stem';

const words = (list: string): string[] => list.trim().split(/\s+/u);

/** Words that sit inside a multi-word name in lower case ("Ursula von der Leyen"). Only valid between name words. */
export const NAME_PARTICLES = new Set(
  words(`de di da van von der den la le af du dos das del della ter ten bin ibn y zu av al el`),
);

/** Prefixes written with a hyphen in front of a capitalised name part ("al-Sisi"). */
export const HYPHEN_PARTICLES = new Set(words(`al el ad as ash at ar an ul bin ibn abu ben`));

/** Function words in Bokmål, Nynorsk and English: a capitalised sentence opening of one is never a name. */
export const FUNCTION_WORDS = new Set(
  words(`
  og i jeg det at en et ei den til er som på de med han av ikke der så var meg seg men ett har om vi
  min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans hvor eller hva skal selv
  sjøl her alle vil bli ble blitt kunne inn når være kom noen noe ville dere deres kun ja etter ned
  skulle denne for deg si sine sitt mot å meget hvorfor dette disse uten hvordan ingen din ditt blir
  samme hvilken hvilke sånn inni mellom vår hver hvem vors hvis både bare enn fordi før mange også
  slik vært båe begge siden dykk dykkar dei deira deim di eg ein eit eitt elles honom hjå ho hoe
  henne hennar hennes hoss hossen ikkje ingi inkje korleis korso kva kvar kvarhelst kven kvi kvifor
  me medan mi mine mykje no nokon noka nokor noko nokre sia sidan so somt somme um upp vere vore
  verte vort varte vart ifølge dessuten likevel derfor samtidig nettopp etterpå tidligere senere
  deretter dermed hittil altså mens enda selv om under bak foran hos langs gjennom utenfor innenfor
  blant rundt omkring mellom takket trass tross per pr via cirka ca også ikke heller nok jo vel
  the a an and or but if then than that this these those there here what which who whom whose when
  where why how all any both each few more most other some such no nor not only own same so too very
  can will just should now i me my we our you your he him his she her it its they them their is are
  was were be been being have has had do does did of at by for with about against between into
  through during before after above below to from up down in out on off over under again further
  once also yet still however meanwhile according while although though because since until as
  mr mrs ms dr sir
  `),
);

/** Months and weekdays: capitalised in English, never names of people. */
export const CALENDAR_WORDS = new Set(
  words(`
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday
  januar februar mars april mai juni juli august september oktober november desember
  mandag tirsdag onsdag torsdag fredag lørdag søndag måndag tysdag laurdag sundag
  jul påske pinse
  feb apr aug sep sept oct nov dec
  `),
);

/**
 * Role nouns in singular indefinite form. Compounds ending in one of these are roles too
 * ("forsvarsminister", "Kreml-talsmann", "NRK-journalist").
 */
export const ROLE_NOUNS_NB = words(`
  president visepresident statsminister minister statsråd statssekretær talsmann talskvinne
  talsperson pressetalsmann leder nestleder sjef generalsekretær spesialutsending utsending
  analytiker forsker professor journalist redaktør direktør administrerende ordfører varaordfører
  ambassadør general admiral kommandør oberst major kaptein løytnant soldat konge dronning
  kronprins kronprinsesse prins prinsesse keiser pave biskop erkebiskop prest imam rabbiner
  kansler forbundskansler statsleder statsoverhode diktator guvernør senator kongressmedlem
  representant stortingsrepresentant politiker partileder formann forkvinne styreleder
  rådmann dommer høyesterettsdommer advokat forsvarer aktor statsadvokat riksadvokat
  politimester politiadvokat lensmann etterforsker ekspert rådgiver sekretær økonom
  diplomat forfatter skribent kommentator korrespondent fotograf reporter kritiker kunstner
  artist musiker sanger skuespiller regissør produsent trener spiller keeper kaptein
  biskop lege overlege sykepleier psykolog gründer eier investor konsernsjef finansdirektør
  styremedlem rektor dekan forsker stipendiat historiker statsviter sosiolog økonom
  talsmann informasjonssjef kommunikasjonssjef pressesjef stabssjef forsvarssjef hærsjef
  etterretningssjef generalløytnant generalmajor brigader opprørsleder kommandant
  ombudsmann ombud fylkesmann statsforvalter kommissær visestatsminister premierminister
  dramatiker komponist låtskriver dirigent koreograf arkitekt designer utøver skiløper
  langrennsløper byråd meteorolog
  spiss angriper målvakt midtstopper back toppscorer målscorer innbytter lagkaptein
  ordførar varaordførar leiar nestleiar trenar landslagstrenar forfattar dommar forskar
  spelar
  rådgjevar sekretær direktør kommunedirektør
  analytikar politikar eigar kunstnar musikar songar skodespelar sjukepleiar historikar
  statsvitar kritikar etterforskar forsvarar angripar skiløpar langrennsløpar låtskrivar
  utøvar dramatikar
`);

export const ROLE_NOUNS_EN = words(`
  president vice-president premier minister secretary spokesman spokeswoman spokesperson
  leader chief head envoy ambassador analyst researcher professor journalist editor director
  mayor general admiral colonel commander chancellor king queen prince princess emperor pope
  bishop governor senator congressman congresswoman representative lawyer judge prosecutor
  expert adviser advisor economist diplomat author writer correspondent reporter chairman
  chairwoman chair ceo founder owner investor coach captain dictator officer lieutenant
  commissioner inspector executive striker goalkeeper midfielder defender winger forward
  keeper curator manager
`);

/**
 * Lower-case nouns that English puts before a role noun to say where the role is held
 * ("museum director", "police chief", "company spokesman"): part of the role, kept with it.
 */
/**
 * Whether an English word that opens a sentence before a role noun is the role's field
 * ("Museum director", "Fleet director"): one of the listed field nouns, or any word the
 * bilingual search lexicon knows as an English word and the archive never names.
 */
export function isEnglishRoleField(lower: string, neverNamed: boolean): boolean {
  if (ROLE_FIELD_NOUNS_EN.has(lower)) return true;
  return neverNamed && !FUNCTION_WORDS.has(lower) && lexicon().knows(stem(lower, 'en'), 'en');
}

export const ROLE_FIELD_NOUNS_EN = new Set(
  words(`museum gallery police company club team fund festival theatre theater opera orchestra
  hospital court union party campaign school university college library council city county
  state port airport station prison research health safety communications marketing sales
  investment art science press tournament league federation academy programme program
  project network group board bank firm agency studio label`),
);

/** Offices a country holds: with a single demonym ("den syriske presidenten") they read as "Syrias president". */
export const STATE_OFFICES = new Set(
  words(`
  president visepresident statsminister minister utenriksminister forsvarsminister
  finansminister justisminister innenriksminister helseminister statsleder statsoverhode
  konge dronning kronprins keiser diktator kansler forbundskansler premierminister
  ambassadør regjering hær forsvarssjef generalstabssjef
  `),
);

/** Titles that mark a person but are not roles worth reporting on their own. */
export const PERSON_TITLES = new Set(
  words(
    `kong dronning prins prinsesse kronprins kronprinsesse fru frøken herr hr mr mrs ms miss dr sir lady lord pastor sogneprest`,
  ),
);

/** Country (Norwegian name), its Bokmål demonym adjective, and English forms. */
export const COUNTRIES: readonly (readonly [string, string, string, string])[] = [
  // [Norwegian name, Norwegian demonym, English name, English demonym]
  ['Norge', 'norsk', 'Norway', 'Norwegian'],
  ['Sverige', 'svensk', 'Sweden', 'Swedish'],
  ['Danmark', 'dansk', 'Denmark', 'Danish'],
  ['Finland', 'finsk', 'Finland', 'Finnish'],
  ['Island', 'islandsk', 'Iceland', 'Icelandic'],
  ['Russland', 'russisk', 'Russia', 'Russian'],
  ['USA', 'amerikansk', 'USA', 'American'],
  ['Syria', 'syrisk', 'Syria', 'Syrian'],
  ['Iran', 'iransk', 'Iran', 'Iranian'],
  ['Irak', 'irakisk', 'Iraq', 'Iraqi'],
  ['Tyrkia', 'tyrkisk', 'Turkey', 'Turkish'],
  ['Tyskland', 'tysk', 'Germany', 'German'],
  ['Frankrike', 'fransk', 'France', 'French'],
  ['Storbritannia', 'britisk', 'Britain', 'British'],
  ['England', 'engelsk', 'England', 'English'],
  ['Italia', 'italiensk', 'Italy', 'Italian'],
  ['Spania', 'spansk', 'Spain', 'Spanish'],
  ['Portugal', 'portugisisk', 'Portugal', 'Portuguese'],
  ['Nederland', 'nederlandsk', 'Netherlands', 'Dutch'],
  ['Belgia', 'belgisk', 'Belgium', 'Belgian'],
  ['Polen', 'polsk', 'Poland', 'Polish'],
  ['Ukraina', 'ukrainsk', 'Ukraine', 'Ukrainian'],
  ['Hviterussland', 'hviterussisk', 'Belarus', 'Belarusian'],
  ['Hellas', 'gresk', 'Greece', 'Greek'],
  ['Østerrike', 'østerriksk', 'Austria', 'Austrian'],
  ['Sveits', 'sveitsisk', 'Switzerland', 'Swiss'],
  ['Ungarn', 'ungarsk', 'Hungary', 'Hungarian'],
  ['Serbia', 'serbisk', 'Serbia', 'Serbian'],
  ['Kroatia', 'kroatisk', 'Croatia', 'Croatian'],
  ['Bosnia', 'bosnisk', 'Bosnia', 'Bosnian'],
  ['Kina', 'kinesisk', 'China', 'Chinese'],
  ['Japan', 'japansk', 'Japan', 'Japanese'],
  ['India', 'indisk', 'India', 'Indian'],
  ['Pakistan', 'pakistansk', 'Pakistan', 'Pakistani'],
  ['Afghanistan', 'afghansk', 'Afghanistan', 'Afghan'],
  ['Israel', 'israelsk', 'Israel', 'Israeli'],
  ['Palestina', 'palestinsk', 'Palestine', 'Palestinian'],
  ['Libanon', 'libanesisk', 'Lebanon', 'Lebanese'],
  ['Jordan', 'jordansk', 'Jordan', 'Jordanian'],
  ['Egypt', 'egyptisk', 'Egypt', 'Egyptian'],
  ['Libya', 'libysk', 'Libya', 'Libyan'],
  ['Saudi-Arabia', 'saudiarabisk', 'Saudi Arabia', 'Saudi'],
  ['Jemen', 'jemenittisk', 'Yemen', 'Yemeni'],
  ['Qatar', 'qatarsk', 'Qatar', 'Qatari'],
  ['Nord-Korea', 'nordkoreansk', 'North Korea', 'North Korean'],
  ['Sør-Korea', 'sørkoreansk', 'South Korea', 'South Korean'],
  ['Canada', 'kanadisk', 'Canada', 'Canadian'],
  ['Mexico', 'meksikansk', 'Mexico', 'Mexican'],
  ['Brasil', 'brasiliansk', 'Brazil', 'Brazilian'],
  ['Argentina', 'argentinsk', 'Argentina', 'Argentinian'],
  ['Venezuela', 'venezuelansk', 'Venezuela', 'Venezuelan'],
  ['Cuba', 'kubansk', 'Cuba', 'Cuban'],
  ['Chile', 'chilensk', 'Chile', 'Chilean'],
  ['Colombia', 'colombiansk', 'Colombia', 'Colombian'],
  ['Sør-Afrika', 'sørafrikansk', 'South Africa', 'South African'],
  ['Nigeria', 'nigeriansk', 'Nigeria', 'Nigerian'],
  ['Kenya', 'kenyansk', 'Kenya', 'Kenyan'],
  ['Etiopia', 'etiopisk', 'Ethiopia', 'Ethiopian'],
  ['Somalia', 'somalisk', 'Somalia', 'Somali'],
  ['Sudan', 'sudansk', 'Sudan', 'Sudanese'],
  ['Zimbabwe', 'zimbabwisk', 'Zimbabwe', 'Zimbabwean'],
  ['Australia', 'australsk', 'Australia', 'Australian'],
  ['Estland', 'estisk', 'Estonia', 'Estonian'],
  ['Latvia', 'latvisk', 'Latvia', 'Latvian'],
  ['Litauen', 'litauisk', 'Lithuania', 'Lithuanian'],
  ['Georgia', 'georgisk', 'Georgia', 'Georgian'],
  ['Irland', 'irsk', 'Ireland', 'Irish'],
  ['Skottland', 'skotsk', 'Scotland', 'Scottish'],
  ['Tsjekkia', 'tsjekkisk', 'Czechia', 'Czech'],
  ['Romania', 'rumensk', 'Romania', 'Romanian'],
  ['Bulgaria', 'bulgarsk', 'Bulgaria', 'Bulgarian'],
  ['Indonesia', 'indonesisk', 'Indonesia', 'Indonesian'],
  ['Vietnam', 'vietnamesisk', 'Vietnam', 'Vietnamese'],
  ['Thailand', 'thailandsk', 'Thailand', 'Thai'],
  ['Filippinene', 'filippinsk', 'Philippines', 'Filipino'],
  ['Myanmar', 'burmesisk', 'Myanmar', 'Burmese'],
];

/** Other well-known place names that carry no person or organisation reading. */
export const PLACE_NAMES = new Set(
  words(`Europa Afrika Asia Amerika Oceania Antarktis Arktis Midtøsten Balkan Skandinavia Norden
  Kosovo Tsjetsjenia Krim Gaza Vestbredden Kurdistan Tibet Taiwan Hongkong
  Oslo Bergen Trondheim Stavanger Tromsø Kristiansand Drammen Bodø Moskva Washington London
  Paris Berlin Roma Madrid Stockholm København Helsingfors Brussel  Wien Beijing Peking
  Tokyo  Teheran  Istanbul Bagdad Kabul Kairo Jerusalem Beirut Aleppo Kyiv Kiev
  Europe Africa Asia America Sør-Afrika Nord-Korea Sør-Korea Saudi-Arabia`),
);

/** Place names of more than one word. */
export const MULTIWORD_PLACES = new Set([
  'New York',
  'Los Angeles',
  'San Francisco',
  'Las Vegas',
  'Hong Kong',
  'Tel Aviv',
  'Buenos Aires',
  'Rio de Janeiro',
  'New Delhi',
  'New Zealand',
  'Sri Lanka',
  'Costa Rica',
  'Puerto Rico',
  'Saudi Arabia',
  'South Africa',
  'North Korea',
  'South Korea',
  'United States',
  'United Kingdom',
]);

/** Norwegian party abbreviations: "(Ap)" right after a name marks a person. */
export const PARTY_ABBREVIATIONS = new Set(
  words(`Ap A H Frp FrP Sp SV KrF Krf V MDG R Rødt Venstre Høyre Kp Pp Dem Rep D`),
);

/**
 * Definite nouns news text uses for an unnamed person, often with an age after them
 * ("Mannen (61)", "Kvinna (34)"): never a name, even before brackets.
 */
export const DEFINITE_PERSON_NOUNS = new Set(
  words(`mannen kvinnen kvinna kona gutten guten jenta jenten jenten barnet sjåføren føreren
  pasienten eleven studenten tiltalte domfelte siktede offeret avdøde fornærmede gjerningsmannen
  gjerningspersonen utbyggeren eieren leietakeren naboen faren moren mora sønnen dottera datteren
  mannen kvinna bonden fiskaren fiskeren turisten soldaten politimannen`),
);

/** One-letter party codes in brackets, to the name the party goes by in running text. */
export const PARTY_LETTERS: ReadonlyMap<string, string> = new Map([
  ['A', 'Arbeiderpartiet'],
  ['H', 'Høyre'],
  ['V', 'Venstre'],
  ['R', 'Rødt'],
]);

/**
 * Words of club names (`Glasgow Rangers`, `Manchester United`, `Rangers`): a team, not a
 * person. Counted anywhere but first in a longer name (`United Nations` is still a body,
 * but `United States` a country), and alone for the plural ones.
 */
export const TEAM_WORDS = new Set(
  words(`United Rangers Rovers Wanderers Athletic Athletico Hotspur Albion Utd Calcio Sporting`),
);
export const TEAM_WORDS_ALONE = new Set(words(`Rangers Rovers Wanderers Hotspur`));

/** Words that make the name they end or stand in an organisation. */
export const ORG_WORDS = new Set(
  words(`AS ASA SA AB Inc Ltd Plc LLC GmbH Corp Corporation Company International Group Holding
  Bank Banken Nyhetsbyrå Partiet Parti Party Universitet Universitetet University Kommune
  Fylkeskommune Departement Departementet Direktorat Direktoratet Forbund Forbundet Forening
  Foreningen Union Council Organisation Organization Institute Institutt Instituttet Senter
  Senteret Stiftelse Stiftelsen Fond Fondet Klubb FC FK IL IF IK AIK BK SK SC AFC CF Tidende Posten Dagblad
  Dagbladet Avis Times News Post Herald Journal Agency Association Committee Komité Komiteen
  Tribunal Tribunalet Domstol Court Ministry Army Navy Airlines Air Rederi Motors Energy Oil
  Records Film Films Studio Studios Teater Teatret Museum Museet Sykehus Sykehuset Hospital
  Skole Skolen School College Academy Akademi Regjeringen Stortinget Kongress Congress Senate
  Parliament Parlamentet Høyre Venstre Frp Fremskrittspartiet Senterpartiet Arbeiderpartiet
  Kristelig Folkeparti Rødt MDG SV KrF Hamas Fatah Hizbollah Taliban
  Platforms Technologies Systems Holdings Partners Capital Industries Pharmaceuticals Networks
  Labs Software Solutions Markets Entertainment Media Telecom Bancorp Shipping Logistics
  Petroleum Resources Seafood Invest Eiendom Offshore Drilling Mining Pharma Foods
  Authority Commission Watch Exchange Foundation Alliance Federation Coalition Bureau
  Administration Borders
  Sjømat Fiskeri Havbruk Bygg Entreprenør Transport Elektro Maskin Verft Verksted Bakeri
  Meieri Regnskap Trelast Energi`),
);

/**
 * Body words that are also everyday English nouns ("Energy prices rose", "Media reports
 * said"): opening a sentence alone, they are the noun, not a body's name.
 */
export const ENGLISH_COMMON_BODY_WORDS = new Set(
  words(`Company Corporation Group Holding Bank Union Council Organisation Organization Institute
  Times News Post Herald Journal Agency Association Committee Court Ministry Airlines Air Motors
  Energy Oil Records Film Films Studio Studios Museum Hospital School College Academy Platforms
  Technologies Systems Holdings Partners Capital Industries Pharmaceuticals Networks Labs
  Software Solutions Markets Entertainment Media Telecom Shipping Logistics Petroleum Resources
  Seafood Offshore Drilling Mining Pharma Foods International Authority Commission Watch
  Exchange Foundation Alliance Federation Coalition Administration`),
);

/** Endings of one-word organisation names ("Arbeiderpartiet", "Utenriksdepartementet"). */
export const ORG_ENDINGS = [
  'partiet',
  'departementet',
  'direktoratet',
  'forbundet',
  'tinget',
  'rådet',
  'banken',
  'avisen',
  'universitetet',
  'selskapet',
  'foreningen',
  'instituttet',
  'kommune',
  'byrå',
  'byrået',
  'sykehus',
  'sykehuset',
  'tilsynet',
  'etaten',
  // Courts and agencies: "Høyesterett", "Arbeidsretten", "Kartverket", "Riksrevisjonen".
  'esterett',
  'mannsrett',
  'tingrett',
  'retten',
  'verket',
  'vesenet',
  'revisjonen',
  'høgskolen',
  'høyskolen',
];

/**
 * Endings of words that make a multi-word name a body ("Norges Fotballforbund", "Sparebank
 * Vest", "Oslo Universitetssykehus"), and keep a genitive owner inside it ("Norges Bank").
 */
export const ORG_NAME_ENDINGS = [
  'forbund',
  'forbundet',
  'bank',
  'banken',
  'universitet',
  'universitetet',
  'høgskole',
  'høyskole',
  'høgskule',
  'institutt',
  'direktorat',
  'direktoratet',
  'departement',
  'departementet',
  'sykehus',
  'sjukehus',
  'tilsyn',
  'tilsynet',
  'verk',
  'verket',
  'partiet',
];

/** Nouns that, right before a name, say what kind of thing it is. */
export const ORG_DESCRIPTORS_ENDING = [
  'byrået',
  'byrå',
  'avisen',
  'avisa',
  'avis',
  'selskapet',
  'organisasjonen',
  'partiet',
  'konsernet',
  'firmaet',
  'bedriften',
  'klubben',
  'laget',
  'bandet',
  'gruppen',
  'gruppa',
  'foreningen',
  'forbundet',
  'kanalen',
  'stiftelsen',
  'rederiet',
  'banken',
  'kjeden',
  'etaten',
  'tilsynet',
  'direktoratet',
  'agency',
  'newspaper',
  'company',
  'group',
  'firm',
  'organisation',
  'organization',
  'unit',
  'authority',
  'regulator',
  'watchdog',
  'airline',
  'carrier',
  'lender',
  'insurer',
  'retailer',
  'broadcaster',
  'startup',
];
export const PLACE_DESCRIPTORS_ENDING = [
  'byen',
  'landet',
  'staten',
  'hovedstaden',
  'kommunen',
  'fylket',
  'regionen',
  'provinsen',
  'øya',
  'øyen',
  'dalen',
  'bygda',
  'grenda',
  'bydelen',
  'området',
  'city',
  'town',
  'village',
  'province',
  'region',
];

/** Prepositions that put a name without person signals in the place reading ("i Ho Chi Minh-byen"). */
export const PLACE_PREPOSITIONS = new Set(
  words(`i fra til ved utenfor nær mot gjennom inn rundt in from near to`),
);

/** Verbs of saying: a name right before or after one is usually a person quoted. */
export const SPEECH_VERBS = new Set(
  words(`sier sa forteller fortalte mener meinte meiner understreker understreket påpeker
  påpekte tilføyer uttaler uttalte hevder hevdet skriver skrev opplyser opplyste
  bekrefter bekreftet sukker smiler ler erkjenner innrømmer advarer advarte svarer svarte
  spør spurte konstaterer kommenterer forklarer forklarte seier sei fortel said says told
  added explained noted wrote asked`),
);

/** Common first names (Norwegian and international): the first word of a name that marks a person. */
export const FIRST_NAMES = new Set(
  words(`
  Aage Aase Abdul Abdullah Adam Adrian Agnes Ahmad Ahmed Aksel Alan Albert Aleksander Alexander
  Alexandra Alf Alfred Ali Alice Alina Amalie Amanda Amir Amund Ana Anders Andrea Andreas Andrei
  Andrej Andrew Anette Angela Angelina Anita Ann Anna Anne Anne-Grete Anne-Lise Anneli Annette
  Anniken Ansgar Anton Antonio Are Arild Arne Arnfinn Arnold Arve Asbjørn Asgeir Aslak Astrid
  Atle Audun Aud Audhild  Ben Benedicte Benjamin Bent Bente Berit Bernt Bill Birger Birgit
  Birgitte Bjarne Bjørg Bjørn Bjørnar Bo Bob Bodil Boris Brage Brit Brita Britt Bruce Bård
  Cameron Camilla Carl Carina Carlos Caroline Cathrine Cecilie Charles Charlotte Chris Christian
  Christina Christine Christoffer Claus Dag Dagfinn Dagny Daniel Danielle David Dennis Didrik
  Dmitrij Dmitri Dmitry Donald Dorothea Edvard Egil Eileen Einar Eirik Eivind Elin Elisabeth
  Elise Ella Ellen Elon Emil Emilie Emma Emmanuel Endre Erik Erlend Erling Erna Eskil Espen
  Even Eva Evelyn Fatima Finn Frank Fredrik Frida Frode Frøydis Gabriel Geir George Georg Gerd
  Gerhard Gina Gisle Gjermund Glenn Gordon Gro Gudmund Gudrun Gunhild Gunn Gunnar Gunnhild
  Guri Gustav Guttorm Gøran Haakon  Hakon Hallgeir Hallvard Halvard Halvor Hamid Hanna
  Hanne Hans Harald Hassan Hedda Hege Heidi Helen Helene Helga Helge Hellen Henning Henny Henri
  Henrik Herman Hilde Hillary Hjalmar Hugo Hussein Håkon Håvard Ibrahim Ida Idar Inga Inge
  Inger Ingrid Ingunn Ingvild Ivar Ine Irene Iris Isak Ivan Jacob Jakob James Jan Jane Jann
  Janne Jarle Jean Jeanette Jens Jeremy Jesper Jo Joachim Joakim Johan Johanna Johannes John
  Jon Jonas Jonathan Jorunn Josef Joseph Jostein Juan Julia Julie Jørgen Jørn Kai Kaja Kamala
  Kari Karianne Karin Karina Karl Karoline Karsten Kasper Katarina Kate Kathrine Katrine Kenneth
  Kevin Khalid Kim Kirsten Kirsti Kjell Kjersti Kjetil Knut Kristian Kristin Kristine Kristoffer
  Kåre Lars Laila Lena Lene Leif Leo Leonard Lerke Line Linda Lisa Lise Liv Lotte Louise Lucas
  Ludvig Magne Magnhild Magnus Maja Malin Margaret Margit Margrethe Maria Marianne Marie Marit
  Mark Marcus Markus Marta Marte Martha Martin Mary Mathias Mats Matthew Max Maxim Merete
  Mette Mette-Marit Michael Michel Mikael Mikhail Mohammad Mohammed Mona Monica Morten Muhammad
  Märtha Nadia Natalia Nicolai Nicolas Nikita Nikolai Nils Nina Nora Odd Odin Oddny Olaf Olav
  Ole Oliver Olga Oscar Oskar Ove Paul Pål Per Peter Petter Philip Pia Preben Ragnar Ragnhild
  Ralf Rania Randi Rasmus   Reidar Reidun  Richard Rigmor Rita Robert Roger Roald
  Rolf Ronald Ronny Rune Rut Ruth Sahra Sam Samuel Sandra Sara Sarah Sebastian Sergej Sergei
  Sergey  Sigmund Sigrid Sigurd Silje Silvia Simen Simon Siri Siv Sivert Sjur Solveig
  Sondre Sonja Steffen Stein Steinar Sten Stephen Steve Steven Stig Stine Stian Svein Sven
  Synnøve Sølvi Søren Tarja Terje Thea Theresa Thomas Thor Thorbjørn Thorvald Tina Tom Tommy
  Tone Tony Tor Tora Tord Tore Torgeir Torild Torbjørn Torstein Trine Trond Trude Trygve Turid
  Ulf Ulrik Una Unni Ursula Valdimir Vegard Vera Vibeke Victor Viktor Vidar Vigdis Vilde Vilhelm
  Vladimir Walter Wenche Wenke William Willy Xi Yngve Yousef Yusuf Øystein Øyvind Åse Åsmund
  Åshild Abraham Barack Benazir Bernie Boris Condoleezza Emmanuel Francois François Gerhard
  Hosni Jacques Jimmy Joe Joseph Kofi Lyndon Margaret Mahmoud Muammar Nelson Nicolas Nursultan
  Osama Pervez Robert Rudolf Saddam Silvio Theresa Tony Viktor Vojislav Slobodan Wladimir Yasser
  Ehud Ariel Benjamin Shimon Yitzhak Golda Mikhail Leonid Josip Radovan Ayatollah  Dag
  Thorbjørn Gro Kjell Jens Erna Siv Trine Audun
  Sverre Philippe Marco Victoria Lionel Russell Justin Erika Herta Orhan Armand Martine
  Cristiano Sidney Ashley   Jason Thierry Guillaume Emile Isaac Kristin Oddvar Knut
  Karen Helene Aamir  Kofi Dan Al Phil Rakel Ari Ravi Marek  Jesus Jose José Luis Carlos
  Pedro Pablo Miguel Manuel Francisco Diego Sergio Roberto Paolo Giovanni Giuseppe Luca Matteo
  Marie-Louise Jean-Pierre Jean-Claude Jean-Paul Pierre Louis Claude Nicole Sophie Isabelle
  Catherine Françoise Anne-Marie Hans-Christian Hans-Peter Karl-Heinz Klaus Jürgen
  Wolfgang Dieter Helmut Heinz Günter Uwe Frank-Walter Olaf Horst Sigmar
  Martina Sabine Petra Monika Tobias Florian Lukas Felix Niklas Leon
  Tomas Tomasz Piotr Pawel Krzysztof Jiri Milan Zoran Goran Dragan Nikola Igor Oleg
  Yuri Juri Alexei Aleksej Aleksandr Vladislav Svetlana Tatjana Natasja
  Irina Jelena Elena Anastasia Grigorij Anatolij Gennadij Nikolaj Pjotr Yulia
  Julija Garri Garry Gary Larry Harry Barry Terry Jerry Henry Jack Jake Josh Luke Ryan Sean
  Shane Scott Tim Todd Tyler Wayne Zach Alex Andy Anthony Brian Bryan Chad Colin Craig
  Dale Dean Derek Doug Douglas Duncan Edward Eric Gavin Glen Graham Grant Greg Ian Jamie
  Jeff Jeffrey Jim Keith Ken Kyle Lee Mike Neil Nick Patrick Pete Ray Rick Rob Ron Ross Roy
  Stuart Ted Trevor Vincent Wesley Abigail Alison Amy Barbara Betty Beverly Brenda
  Carol Cheryl Cindy Claire Deborah Diana Diane Donna Dorothy Elizabeth Emily Grace
  Heather Jennifer Jessica Joan Joyce Judith Judy Kathleen Kathy Kelly Kimberly
  Laura Lauren Madonna Megan Melissa Michelle Nancy Pamela Patricia Rachel Rebecca
  Rose Samantha Sharon Shirley Stephanie Susan Teresa Tracy Virginia Wendy Oprah Whitney
  Mariah Britney Rihanna Kylie Kanye Elvis Bono Sting Ringo Mick
  Nils-Ole Ole-Gunnar Jan-Erik Jan-Egil Per-Kristian Carl-Erik Tor-Arne Knut-Arild Lars-Erik
  Kjell-Inge Svein-Erik Inger-Lise Hanne-Kristin Tor-Erik Ola Torvald Thorleif Leiv
  Ragnvald Sveinung Tarjei Torleiv Oddmund Vebjørn Eilif Herborg Sigrun Aslaug Oline
  Jørund Kristen Jarl Eskild Torkel Svenn Sven-Erik
  Mohamed Mahmud Ahmet Mehmet Mustafa Murat Hasan Hussain Omar Umar Osman Farid
  Karim Rashid Tariq Imran Nawaz Zahid Asif Javed Amina Aisha Layla Leila Yasmin Zainab Noor
  Desmond Jomo Thabo Hiroshi Takeshi Yuki Shinzo Aung Thaksin Indira Rajiv
  Narendra Manmohan Rahul Imelda Ferdinand Corazon Fidel Raul Evo Lula Dilma
  Avigdor Tzipi Ismail Anwar Gamal Abdel Fattah Osama Ayman Hamad Khalifa Salman Reza Akbar
  `),
);

/** Championships written as acronyms, alone or ending a compound ("VM", "Oberstdorf-VM"). */
export const EVENT_ACRONYMS = new Set(words(`VM EM OL NM PL WC`));

/** Nouns that end a compound naming an event ("Holmenkollen-rennet", "Bislett-løpet"). */
export const EVENT_NOUNS = new Set(
  words(`rennet renn løpet løp cupen cup finalen turneringen mesterskapet festivalen festival
  konferansen stevnet lekene games open marathon maraton rally`),
);

/**
 * Nouns for one game between two sides: two plain words right after one ("kampen Fjellhaug
 * Rosvik", "i oppgjeret Fjellhaug Rosvik") are the two sides. Compounds of the longer ones
 * count too ("seriekampen", "cupoppgjeret").
 */
export const MATCH_NOUNS = words(`kampen kampane oppgjøret oppgjeret derbyet matchen match`);

/** Last words of league names: a league is a body that runs a competition. */
export const LEAGUE_WORDS = new Set(words(`League Liga Ligaen Serien Bundesliga LaLiga Ligue`));

/** Nouns before a title of a work: the name after them is the work, not its maker. */
export const WORK_NOUNS = new Set(
  words(`maleriet bildet verket kunstverket skulpturen tegningen romanen boka boken diktet
  filmen dokumentaren serien albumet plata låten sangen singelen stykket forestillingen
  operaen musikalen utstillingen måleriet biletet songen
  painting artwork sculpture novel book poem film movie documentary series album single song
  play musical opera exhibition`),
);

/**
 * Verbs of a player's move between clubs, before `til`/`fra`/`for` and the club
 * ("hentet til Molde", "spilte for Brann", "signed for Leeds").
 */
export const TRANSFER_VERBS = new Set(
  words(`hentet henta hentes solgt seld selges lånt lånes lånte signerte signert kjøpt kjøpte
  spilte spilt spiller speler spelar spelte spelt debuterte scoret scora gikk gjekk overgang
  signed played plays loaned sold transferred`),
);

/**
 * Nouns that end a compound naming a field, a platform or a project after a name
 * ("Johan Sverdrup-feltet"): the name is that thing's, not a person's.
 */
export const THING_COMPOUND_NOUNS = new Set(
  words(`feltet felt feltets funnet funnets plattformen utbyggingen prosjektet lisensen
  field platform project`),
);
