export {
  ANALYZER_VERSION,
  type AnalyzedToken,
  acronymTermAt,
  analyze,
  analyzeTokens,
  termOf,
} from './analyze';
export { foldCase } from './normalize';
export { stem } from './stem';
export { isStopWord } from './stopwords';
export { type Token, tokenize } from './tokenize';
