/** Work in slices, as the archive knows it: the queue and `Slicer` live below (knowledge/pace.ts). */
export { breathe, breatheInBackground, holdBackground, Slicer } from '../knowledge/pace';
