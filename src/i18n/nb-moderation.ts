import type { ModerationMessages } from './moderation-messages';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const SHORT_MONTHS = [
  'jan.',
  'feb.',
  'mars',
  'apr.',
  'mai',
  'juni',
  'juli',
  'aug.',
  'sep.',
  'okt.',
  'nov.',
  'des.',
];

export const nbModeration: ModerationMessages = {
  commands: {
    add: {
      name: 'legg-til',
      description: 'Legg til en artikkel fra en fil (.md med topptekst eller .txt)',
      file: {
        name: 'fil',
        description: 'Artikkelen: .md med topptekst eller .txt, UTF-8, høyst 2 MB',
      },
      title: { name: 'tittel', description: 'Tittel (overstyrer filens)' },
      date: { name: 'dato', description: 'Publiseringsdato ÅÅÅÅ-MM-DD (overstyrer filens)' },
      source: { name: 'kilde', description: 'Hvem publiserte den, f.eks. NTB' },
      url: { name: 'url', description: 'Nettadressen til artikkelen' },
    },
    write: { name: 'skriv', description: 'Skriv eller lim inn en artikkel i et skjema' },
    remove: {
      name: 'fjern',
      description: 'Ta en artikkel ut av svarene (kan angres)',
      article: { name: 'artikkel', description: 'Artikkelen som skal fjernes' },
    },
    restore: {
      name: 'angre',
      description: 'Legg en fjernet artikkel tilbake',
      article: { name: 'artikkel', description: 'Den fjernede artikkelen' },
    },
    timeline: {
      name: 'tidslinje',
      description: 'Når er en person eller organisasjon omtalt? Et bilde av arkivet',
      nameOption: { name: 'navn', description: 'Navnet på personen eller organisasjonen' },
    },
  },
  form: {
    title: 'Ny artikkel',
    articleTitle: 'Tittel',
    date: 'Publiseringsdato',
    datePlaceholder: 'ÅÅÅÅ-MM-DD',
    source: 'Kilde (valgfritt)',
    text: 'Tekst',
    textPlaceholder: 'Lim inn artikkelen. Tom linje mellom avsnitt.',
  },
  added: {
    title: (title) => `Lagt til: ${title}`,
    summary: (date, passages, file) =>
      `Datert ${date} · ${plural(passages, 'avsnitt', 'avsnitt')} · lagret som ${file}`,
    names: 'Personer og organisasjoner',
    noNames: 'Ingen navn funnet.',
    events: 'Daterte hendelser',
    noEvents: 'Ingen daterte hendelser funnet.',
    event: (words, resolved) => `«${words}» → ${resolved}`,
  },
  removed: (title, date) => `Fjernet fra svarene: «${title}» (${date}). Angre med /kunnskap angre.`,
  restored: (title, date) => `Lagt tilbake: «${title}» (${date}).`,
  refused: {
    invalid: 'Filen ble ikke lagt til:',
    duplicate: (title, file) => `Teksten finnes allerede i arkivet, som «${title}» (${file}).`,
    notFound: (ref) => `Fant ingen slik artikkel: «${ref}». Velg fra listen.`,
    notText: (name) =>
      `«${name}» er ikke en tekstfil. Bare .md (med topptekst) og .txt kan legges til.`,
    download: 'Fikk ikke hentet filen fra Discord. Prøv igjen.',
    nothingChanged: 'Ingenting ble endret.',
  },
  audit: {
    add: (actor, title, file) => `📥 ${actor} la til «${title}» (${file})`,
    remove: (actor, title, file) => `🗑️ ${actor} fjernet «${title}» (${file})`,
    restore: (actor, title, file) => `↩️ ${actor} la tilbake «${title}» (${file})`,
    reload: (actor, a, c, r) =>
      `🔄 ${actor} lastet inn kunnskapsbasen på nytt: ${a} nye, ${c} endret, ${r} fjernet`,
  },
  charts: {
    timelineButton: 'Tidslinje',
    timelineTitle: (name) => `${name} i arkivet`,
    perWeek: 'artikler per uke',
    perMonth: 'artikler per måned',
    perYear: 'artikler per år',
    eventsLegend: 'hendelse teksten daterer',
    articlesLegend: 'artikler som nevner navnet',
    noMentions: 'Ingen artikler nevner navnet.',
    timelineAlt: (name, a, span, e) =>
      `Søylediagram: ${plural(a, 'artikkel', 'artikler')} som nevner ${name}, ${span}, med ${plural(e, 'datert hendelse', 'daterte hendelser')} markert på tidsaksen.`,
    timelineCaption: (name, a, e) =>
      `${name}: ${plural(a, 'artikkel', 'artikler')}, ${plural(e, 'datert hendelse', 'daterte hendelser')}.`,
    timelineSubtitle: (a, e, per) =>
      `${plural(a, 'artikkel', 'artikler')} · ${plural(e, 'datert hendelse', 'daterte hendelser')} · søyler: ${per}`,
    periodTitle: (when) => `Hendelser ${when}`,
    periodSubtitle: (e, p, busiest) =>
      `${plural(e, 'datert hendelse', 'daterte hendelser')} · ${plural(p, 'artikkel', 'artikler')}${busiest ? ` · travlest: ${busiest}` : ''}`,
    periodLegendEvents: 'hendelser teksten daterer til dagen',
    periodLegendPublished: 'artikler publisert',
    nothingInPeriod: 'Ingenting i arkivet for perioden.',
    periodAlt: (when, e, p, busiest) =>
      `Søylediagram per dag ${when}: ${plural(e, 'datert hendelse', 'daterte hendelser')} og ${plural(p, 'artikkel', 'artikler')} publisert${busiest ? `; travlest: ${busiest}` : ''}`.replace(
        /\.?$/u,
        '.',
      ),
    dayOfMonth: (d) => `${d}.`,
    shortDay: (d, m) => `${d}. ${SHORT_MONTHS[m - 1]}`,
    shortMonth: (m) => SHORT_MONTHS[m - 1] ?? '',
  },
};
