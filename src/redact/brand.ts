// The brand's own accounts are no personal data: its @handles stay, and so do its e-mail addresses and web pages,
// so a reply that says "write to service@nordlicht-kaffee.de" still says where to write.
import { normaliseHandle } from '../ingest/normalise.js';

const letters = (value: string): string => value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

export class Brand {
  private readonly handles: ReadonlySet<string>;
  private readonly names: readonly string[];

  /** `handles` as --brand gives them (any case, with or without "@"). */
  constructor(handles: Iterable<string> = []) {
    this.handles = new Set([...handles].map(normaliseHandle));
    this.names = [...this.handles].map(letters).filter((name) => name.length >= 3);
  }

  /** Whether a handle is the brand's, also as written with other punctuation ("@E.ON" for --brand eon). */
  isHandle(handle: string): boolean {
    const normal = normaliseHandle(handle);
    return this.handles.has(normal) || (letters(normal).length >= 3 && this.names.includes(letters(normal)));
  }

  /**
   * Whether a host or e-mail domain is the brand's: its name below the top-level domain, letters and digits only,
   * is a brand handle's or the start of one ("eon.de" for @eon, "amazon.com" for @AmazonHelp, "nordlicht-kaffee.de"
   * for @nordlichtkaffee).
   */
  isDomain(host: string): boolean {
    const labels = host.toLowerCase().replace(/^www\./, '').split('.');
    if (labels.length < 2) return false;
    const name = letters(labels.slice(0, -1).join(''));
    const second = letters(labels.at(-2)!);
    return this.names.some((brand) => (second.length >= 3 && brand.startsWith(second)) || brand === name);
  }

  /** Whether a word (a name after "Hello") is part of a brand handle: "Hi Delta," with @Delta is no person. */
  inName(word: string): boolean {
    const w = letters(word);
    return w.length >= 3 && this.names.some((brand) => brand.includes(w));
  }
}
