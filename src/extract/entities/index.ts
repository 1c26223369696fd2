export { EntityDirectory, roleKey } from './directory';
export { buildLexicon, type Lexicon } from './lexicon';
export { extractEntityMentions } from './mentions';
export { buildEntities, type PassageMentions } from './merge';
