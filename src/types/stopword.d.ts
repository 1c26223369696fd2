// stopword ships no types; Kilde uses only its word lists.
declare module 'stopword' {
  export const nob: string[];
  export const eng: string[];
}
