// Type declarations for the deep paths of `natural` that the stemmer comparison test imports (natural is a dev
// dependency, kept as the reference the codebook's stems and the trained model were made with). Its top-level
// entry is never imported (it loads every module and prints to stdout), so its own typings do not reach these files.

declare module 'natural/lib/natural/stemmers/porter_stemmer_de.js' {
  /** Snowball German stemmer; expects a lower-case word. Maps ä/ö/ü to a/o/u and ß to ss. */
  const PorterStemmerDe: { stem(word: string): string };
  export default PorterStemmerDe;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  /** Porter stemmer for English; expects a lower-case word. */
  const PorterStemmer: { stem(word: string): string };
  export default PorterStemmer;
}
