/**
 * Articles about people written for the name tests: a full name with a middle name, two
 * people sharing a first name and surname, role holders, and a name with diacritics.
 */

const article = (title: string, date: string, body: string) =>
  `---\ntitle: ${title}\ndate: ${date}\nlanguage: nb\n---\n${body}\n`;

export const namesArticles = {
  // Read first (files are read in name order), and one role three times in one article.
  'a0-styre.md': article(
    'Nytt styre i idrettslaget',
    '2024-01-10',
    'Styreleder Marte Lie åpnet møtet.\n\nStyreleder Marte Lie la fram regnskapet.\n\nStyreleder Marte Lie ble gjenvalgt.',
  ),
  'a-utenriks.md': article(
    'Huitfeldt møtte svensk kollega',
    '2024-02-12',
    'Utenriksminister Anniken Scheie Huitfeldt møtte sin svenske kollega i Oslo mandag.\n\nHuitfeldt sa at samarbeidet mellom landene er godt.',
  ),
  'b-havn.md': article(
    'Strid om havnen i Strandvik',
    '2024-02-13',
    'Ordfører Ola Nes Dahl i Strandvik ønsker ny havn.\n\nHavnesjef Ola Rud Dahl er uenig med ordføreren.\n\nPartileder Marte Lie sier hun støtter planen.',
  ),
  'c-bakkeby.md': article(
    'Ordføreren i Bakkeby gikk av',
    '2024-03-01',
    'Ordfører Marte Lie i Bakkeby gikk av fredag.\n\nPartileder Marte Lie takket for seg etter mange år.',
  ),
  'd-strandvik.md': article(
    'Ny plan for Strandvik',
    '2024-03-05',
    'Ordfører Ola Nes Dahl la fram planen tirsdag.\n\nFiskeriminister Ådne Søreide var til stede.',
  ),
};
