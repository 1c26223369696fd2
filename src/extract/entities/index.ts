export { EntityDirectory, roleKey } from './directory';
export { ArchiveLexicon, buildLexicon, type Lexicon, type LexiconData } from './lexicon';
export { extractEntityMentions } from './mentions';
export { buildEntities, type PassageMentions } from './merge';
