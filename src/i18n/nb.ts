import type { DatePlace } from '../knowledge/types';
import type { Messages } from './messages';
import { nbModeration } from './nb-moderation';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "datoen «x»", or where the date stood when it opened the text rather than the front matter. */
const nbDate = (value: string, place: DatePlace) =>
  place === 'text-start' ? `datoen «${value}» i starten av teksten` : `datoen «${value}»`;

export const nb: Messages = {
  languageName: 'norsk',
  kind: { person: 'person', organisation: 'organisasjon', place: 'sted', other: 'navn' },
  dateLocale: 'nb-NO',
  formatWeek: (w, y, days) => `uke ${w} ${y} (${days})`,
  formatRange: (from, to) => `${from}–${to}`,
  who: {
    title: (name) => name,
    roles: 'Roller',
    aliases: 'Også kalt',
    appears: (n, first, last) =>
      n === 1 ? `Nevnt i 1 artikkel (${first})` : `Nevnt i ${n} artikler, fra ${first} til ${last}`,
    passages: 'Utdrag',
    related: 'Nevnt sammen med',
    ambiguous: (q) => `Flere i arkivet heter «${q}». Hvem mener du?`,
    unknown: (q) => `Arkivet kjenner ingen ved navnet «${q}».`,
    didYouMean: 'Mente du',
    noRole: 'Arkivet oppgir ingen rolle.',
  },
  whatHappened: {
    title: (when) => `Hva skjedde ${when}`,
    topicTitle: (when, topic) => `Hva skjedde ${when} – «${topic}»`,
    published: 'Publisert denne dagen',
    publishedInPeriod: 'Publisert i perioden',
    events: 'Hendelser teksten daterer hit',
    datedBy: (words, resolved) => `«${words}» → ${resolved}`,
    empty: (when) => `Arkivet har ingenting om ${when}.`,
    nearest: 'Nærmeste dager med innhold',
    summary: (p, e) =>
      `${plural(p, 'artikkel', 'artikler')} publisert, ${plural(e, 'hendelse', 'hendelser')} datert`,
  },
  search: {
    title: (q) => `Søk: «${q}»`,
    none: (q) => `Fant ingenting i arkivet om «${q}».`,
    didYouMean: 'Prøv',
  },
  sources: {
    title: 'Kilder i arkivet',
    count: (n) => plural(n, 'artikkel', 'artikler'),
    passages: (n) => plural(n, 'avsnitt', 'avsnitt'),
    empty: 'Arkivet er tomt.',
  },
  knowledge: {
    statusTitle: 'Kunnskapsbasen',
    reloadTitle: 'Kunnskapsbasen er lastet inn på nytt',
    counts: (a, p, pe, e) =>
      `${plural(a, 'artikkel', 'artikler')}, ${plural(p, 'avsnitt', 'avsnitt')}, ${plural(pe, 'person', 'personer')}, ${plural(e, 'datert hendelse', 'daterte hendelser')}`,
    organisations: (n) => plural(n, 'organisasjon', 'organisasjoner'),
    loadedAt: (when) => `Lastet ${when}`,
    reloading: 'Laster inn på nytt nå …',
    added: 'Nye',
    changed: 'Endret',
    removed: 'Fjernet',
    kept: 'Beholdt forrige gode versjon',
    unchanged: 'Ingen endringer i artiklene.',
    problems: (n) => plural(n, 'problem', 'problemer'),
    noProblems: 'Ingen problemer.',
    joined: 'En innlasting pågikk allerede; dette er resultatet av den.',
    took: (ms) => `Tok ${ms} ms`,
  },
  problems: {
    'file-too-large': ({ bytes, limitKb }) =>
      `filen er større enn ${limitKb} KB (${bytes} byte); del den opp i flere artikler`,
    'file-outside': () =>
      'avvist: den peker ut av kunnskapsmappen (en lenke, for eksempel); den leses aldri',
    'file-unreadable': ({ error }) =>
      `kunne ikke leses (${error}); en tidligere god versjon brukes fortsatt`,
    'file-binary': () => 'filen inneholder en NUL-byte og ser ut som en binærfil, ikke tekst',
    'file-not-utf8': () => 'filen er ikke gyldig UTF-8-tekst; lagre den som UTF-8',
    'file-empty': () => 'filen er tom',
    'file-no-text': () => 'filen har ingen tekstavsnitt som kan indekseres',
    'file-ignored': () => 'ignorert: bare .md-, .markdown- og .txt-filer leses som artikler',
    'link-ignored': () => 'ignorert: lenken peker til en mappe eller til ingenting',
    'file-duplicate': ({ original }) => `samme innhold som ${original}`,
    'yaml-syntax': ({ message }) => `YAML-feil: ${message}`,
    'yaml-too-large': ({ chars, maxChars }) =>
      `YAML-delen er for stor til å leses (${chars} tegn, høyst ${maxChars})`,
    'yaml-too-deep': ({ maxDepth }) =>
      `YAML-delen er nøstet for dypt til å leses (mer enn ${maxDepth} nivåer)`,
    'front-matter-unclosed': () =>
      'toppteksten (front matter) starter med «---», men mangler en avsluttende «---»-linje',
    'front-matter-not-map': () =>
      'toppteksten (front matter) må bestå av linjer på formen «felt: verdi» (title, date, url, source, language, tags)',
    'field-unknown': ({ field, known }) =>
      `ukjent felt «${field}» blir ignorert (kjente felt: ${known})`,
    'field-empty': ({ field }) => `feltet «${field}» har ingen verdi og blir ignorert`,
    'field-not-text': ({ field }) => `feltet «${field}» må være tekst; feltet blir ignorert`,
    'url-invalid': ({ value }) =>
      `«${value}» er ikke en fullstendig nettadresse som starter med http:// eller https://; feltet url blir ignorert`,
    'language-unknown': ({ value }) =>
      `språket «${value}» er ikke ett av nb (bokmål), nn (nynorsk) eller en (engelsk); feltet blir ignorert`,
    'tags-invalid': () =>
      'tags må være en liste med ord, f.eks. [syria, russland]; feltet blir ignorert',
    'field-invalid': ({ field, message }) =>
      `feltet «${field}» er ugyldig og blir ignorert (${message})`,
    'date-missing': () =>
      'mangler publiseringsdato: legg til «date: ÅÅÅÅ-MM-DD» i toppteksten, start teksten med «date ÅÅÅÅ-MM-DD», eller start filnavnet med datoen (2017-11-21-tittel.txt)',
    'date-empty': () => 'datofeltet har ingen verdi',
    'date-format': ({ value, place }) =>
      `${nbDate(value, place)} er ikke skrevet som ÅÅÅÅ-MM-DD (eller ÅÅÅÅ-MM)`,
    'date-number': ({ value, place }) =>
      `${nbDate(value, place)} er bare et tall; skriv den som ÅÅÅÅ-MM-DD (eller ÅÅÅÅ-MM)`,
    'date-invalid': ({ value, place }) => `${nbDate(value, place)} finnes ikke`,
    'date-conflict': ({ fileNameDate, date }) =>
      `filnavnet sier ${fileNameDate}, men artikkelen er datert ${date}; artikkelens dato brukes`,
    'date-from-file-name': ({ date }) => `ingen dato i toppteksten; bruker ${date} fra filnavnet`,
    'title-missing': ({ title }) => `ingen tittel i toppteksten; bruker «${title}»`,
    'alias-empty': () => 'en tom aliaslinje blir ignorert',
    'alias-entry-invalid': () =>
      'en aliaslinje må være «Navn = Annet navn» eller en liste med navn; linjen blir ignorert',
    'alias-names-invalid': ({ name }) =>
      `navnene for «${name}» må være tekst eller en liste med navn; linjen blir ignorert`,
    'alias-shared': ({ name, otherLine }) =>
      `«${name}» står også på linje ${otherLine}; de to linjene blir ikke slått sammen`,
    'aliases-not-list': () => 'aliases.yml må være en liste, med én «Navn = Annet navn» per linje',
    'kept-last-good': () => 'ny versjon kunne ikke leses; forrige gode versjon brukes fortsatt',
    'aliases-kept-last-good': () =>
      'aliases.yml kunne ikke leses; forrige gode versjon av aliasene brukes fortsatt',
    'knowledge-dir-missing': ({ dir }) =>
      `kunnskapsmappen ${dir} finnes ikke, eller er ikke en mappe`,
  },
  errors: {
    empty: 'Skriv noe å spørre om.',
    'too-long': 'Det er for langt. Prøv med færre ord.',
    invalid: 'Det forstod jeg ikke.',
    impossible: 'Den datoen finnes ikke.',
    emptyQuery: 'Skriv noe å søke etter.',
    missingOption: (option) => `Fyll ut «${option}».`,
    tooLong: (max) => `Det er for langt: høyst ${max} tegn.`,
    invalidDate: (input) =>
      `«${input}» er ikke en dato jeg forstår. Skriv f.eks. 2017-11-21, 21.11.2017, 21. november 2017 eller 2017-11.`,
    impossibleDate: (input) => `«${input}» er ikke en gyldig dato.`,
    notAllowed: 'Beklager, bare moderatorer kan gjøre dette.',
    loading: 'Kunnskapsbasen lastes inn. Prøv igjen om et øyeblikk.',
    internal: 'Noe gikk galt hos meg. Prøv igjen; feilen er logget.',
    unknownCommand: (name) => `Kjenner ikke kommandoen «${name}».`,
    expired: 'Disse knappene er utløpt. Still spørsmålet på nytt.',
    notYours: 'Bare den som spurte kan bla i dette svaret.',
  },
  paging: { previous: 'Forrige', next: 'Neste', page: (n, of) => `Side ${n} av ${of}` },
  sourceLabel: 'Kilde',
  dated: 'Tidfestet',
  publishedBy: (name) => `publisert av ${name}`,
  noUrl: (file) => `fil: ${file}`,
  discord: {
    who: {
      name: 'hvem',
      description: 'Hvem er dette? Roller, datoer og utdrag fra arkivet, med kilder',
      nameOption: { name: 'navn', description: 'Navnet på personen eller organisasjonen' },
    },
    whatHappened: {
      name: 'hva-skjedde',
      description: 'Hva skjedde en dag, uke eller måned? Artikler og daterte hendelser',
      date: {
        name: 'dato',
        description: 'F.eks. 2017-11-21, 21.11.2017, 21. november 2017 eller 2017-11',
      },
      topic: { name: 'tema', description: 'Bare det som handler om dette (valgfritt)' },
    },
    search: {
      name: 'søk',
      description: 'Fritekstsøk i arkivet, med kilder',
      text: { name: 'tekst', description: 'Ord eller spørsmål å søke etter' },
    },
    sources: { name: 'kilder', description: 'Artiklene i arkivet, nyeste først' },
    knowledge: {
      name: 'kunnskap',
      description: 'Kunnskapsbasen (bare moderatorer)',
      reload: { name: 'last-inn', description: 'Last inn kunnskapsbasen på nytt fra filene' },
      status: { name: 'status', description: 'Vis hva kunnskapsbasen inneholder nå' },
    },
    suggestionHint: 'Trykk på en knapp for å spørre om den.',
    nameWithRole: (name, role) => `${name} — ${role}`,
    mentions: (n) => plural(n, 'omtale', 'omtaler'),
    problemsTitle: 'Problemer',
    more: (n) => `… og ${n} til`,
  },
  moderation: nbModeration,
  kbCheck: {
    articles: (dir, a, p) =>
      `${dir}: ${plural(a, 'artikkel', 'artikler')}, ${plural(p, 'avsnitt', 'avsnitt')}`,
    passages: (n) => plural(n, 'avsnitt', 'avsnitt'),
    people: (n) => `personer: ${n}`,
    organisations: (n) => `organisasjoner: ${n}`,
    mentions: (n) => plural(n, 'omtale', 'omtaler'),
    datedEvents: (n) => `daterte hendelser: ${n}`,
    problems: (n, e) => `problemer: ${n} (${plural(e, 'feil', 'feil')})`,
  },
  ops: {
    restarting: 'Kilde starter på nytt. Prøv igjen om et øyeblikk.',
    interrupted:
      'Kilde startet på nytt før dette ble ferdig. Ingenting gikk tapt: prøv igjen om et øyeblikk.',
    slowDown: (s) => `Du spør veldig ofte. Prøv igjen om ${plural(s, 'sekund', 'sekunder')}.`,
  },
  console: {
    welcome: (n) =>
      `Kilde – lokal konsoll. ${plural(n, 'artikkel', 'artikler')} lastet. Skriv /hjelp for kommandoer.`,
    help: [
      '/hvem <navn>              hvem er …',
      '/hva-skjedde <dato> [tema] hva skjedde den dagen (2017-11-21, 21.11.2017, 2017-11)',
      '/søk <tekst>              fritekstsøk og spørsmål',
      '/kilder                   artiklene i arkivet',
      '/tidslinje <navn>          når navnet er omtalt, som bilde (lagres som PNG)',
      '/kunnskap last-inn|status last inn kunnskapsbasen på nytt / status',
      '/kunnskap legg-til <fil>   legg til en artikkel (.md eller .txt) fra denne maskinen',
      '/kunnskap fjern [artikkel] ta en artikkel ut av svarene (uten navn: listen)',
      '/kunnskap angre [artikkel] legg en fjernet artikkel tilbake (uten navn: listen)',
      '/språk nb|en              bytt språk (også /lang)',
      '/avslutt                  avslutt',
    ].join('\n'),
    language: 'Språk: norsk. Skriv /språk en for engelsk.',
    unknownLanguage: (input) =>
      `Kjenner ikke språket «${input}». Velg nb (norsk) eller en (engelsk).`,
    bye: 'Ha det!',
    pictureSaved: (file) => `Bilde lagret: ${file}`,
    addUsage: 'Bruk: /kunnskap legg-til <fil> (en .md- eller .txt-fil på denne maskinen).',
    fileUnreadable: (file) => `Fant ikke eller kunne ikke lese filen ${file}.`,
    writeInFile:
      'Konsollen har ikke noe skjema: skriv artikkelen i en .md- eller .txt-fil og bruk /kunnskap legg-til <fil>.',
    pickArticle: 'Skriv kommandoen igjen med en av disse (filnavn eller nøyaktig tittel):',
    noArticles: 'Ingen artikler å velge.',
  },
};
