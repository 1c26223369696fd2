export {
  type IndexedArticleInfo,
  PassageIndex,
  type PassageIndexInput,
  type PassageIndexSnapshot,
  PreparedDocuments,
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
