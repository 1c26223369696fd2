/**
 * Lets long main-thread work yield to answers: call `due()` between steps and `breathe()`
 * when it says so. `Slicer` (src/archive/pace.ts) is the one the archive passes down; the
 * layers below it (language, search, extraction) take only this shape.
 */
export interface Pace {
  due(): boolean;
  breathe(): Promise<void>;
}
