export { type DirectoryColumns, EntityDirectory, roleKey } from './directory';
export {
  ArchiveLexicon,
  buildLexicon,
  type LearnedReading,
  LearnedReadings,
  Learning,
  type Lexicon,
  type LexiconCounts,
  type LexiconData,
} from './lexicon';
export { extractEntityMentions } from './mentions';
export {
  aliasesReadText,
  type BackReference,
  buildEntities,
  type PassageMentions,
  passageReferences,
  type ReferenceCandidate,
  referenceCandidates,
  referencesAmong,
} from './merge';
