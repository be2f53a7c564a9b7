// Type declarations for the deep paths of `natural` that thick imports. natural's top-level entry is never
// imported (it loads every module and prints to stdout), so its own typings do not reach these files.
// Others may append declarations here.

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
