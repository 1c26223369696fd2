export { type DirectoryColumns, EntityDirectory, roleKey } from './directory';
export {
  ArchiveLexicon,
  buildLexicon,
  LearnedReadings,
  type Lexicon,
  type LexiconData,
} from './lexicon';
export { extractEntityMentions } from './mentions';
export {
  type BackReference,
  buildEntities,
  type PassageMentions,
  passageReferences,
} from './merge';
