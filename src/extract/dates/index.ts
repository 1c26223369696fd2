/** Time expressions in article passages, and dates typed by users. */
export { extractTimeMentions } from './extract';
export { type DateQuery, parseDateQuery } from './query';
