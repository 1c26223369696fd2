/** Time expressions in article passages, and dates typed by users. */
export { compileDateRules, extractTimeMentions } from './extract';
export { type DateQuery, parseDateQuery } from './query';
