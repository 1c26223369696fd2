export {
  type AnalysedPassage,
  CompoundSplitter,
  FIELDS as INDEX_FIELDS,
  fingerprintOf,
  firstPass,
  type IndexedArticleInfo,
  NameTerms,
  PassageIndex,
  type PassageIndexInput,
  type PassageIndexSnapshot,
  PreparedDocuments,
  type RestoredExtras,
  type SearchHit,
  type SearchOptions,
} from './passage-index';
export {
  type CharRange,
  makeSnippet,
  type Snippet,
  type SnippetMarks,
  splitSentences,
} from './snippet';
export { DEFAULT_TUNING, type SearchTuning } from './tuning';
