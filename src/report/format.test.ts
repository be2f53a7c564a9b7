import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { render, RENDERERS, type RendererName } from '../../test/rendered.js';
import { clip, codeSpan, codeText, escapeInFull, escapeMarkdown, heading, inline } from './format.js';

// What customer text is made of when it attacks a page: Markdown and HTML fragments, autolink literals, entities,
// line breaks, backslashes, among plain letters (ASCII and not), digits and spaces.
const PIECES = [
  ...'\\`*_[]()!<>&|~#+-=.:/@$"\'{}^;?',
  '<!--', '-->', '<script>', '</script>', '<img src=x onerror=alert(1)>', '<http://evil.example>', '<a@evil.example>',
  'https://evil.example', 'http://', 'ftp://x.example', 'www.evil.example', 'WWW.', 'kim@evil.example', 'mailto:a@b.example',
  '&gt;', '&amp;', '&#60;', '&#x3C;', '&copy', '&copyx_y;', '](javascript:alert(1))', '![x](http://evil.example/p.png)', '[^1]',
  '```', '~~~', '***', '___', '1.', '2)', '\\', '\n', '\r\n', '\t', '    ', ' ', '  ', '\u00a0',
  'a', 'b', 'w', 'Z', 'é', 'ß', '9', '0', '😀', 'x_y', '_', '$x$',
  // Control characters a terminal would obey when the report is read raw.
  '\x1b[2J', '\x1b]0;owned\x07', '\0', '\x08', '\x0b', '\x0c', '\x7f', '\x85', '\x9b',
];
const hostile = fc.string({ unit: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) }), maxLength: 40 });

/** Control characters as a reader sees them in a report: C0 and DEL as their pictures (␛, ␀, ␡), C1 as U+FFFD. */
const shown = (text: string): string =>
  text.replace(/[\0-\x08\x0b\x0c\x0e-\x1f]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0))).replace(/\x7f/g, '␡').replace(/[\x80-\x9f]/g, '\uFFFD');
/** What a reader should see of a one-line value: its whitespace runs made one space. */
const flat = (text: string): string => shown(text.replace(/\s+/g, ' ').trim());

const names = Object.keys(RENDERERS) as RendererName[];
const runs = { numRuns: Number(process.env.RUNS ?? 300) };

describe.each(names)('escaped text rendered by %s shows exactly the text and nothing else', (renderer) => {
  it('inline(s) as a paragraph: one <p>, its text the flattened input', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        fc.pre(flat(s) !== '');
        const page = render(inline(s, Infinity), renderer);
        expect(page.elements.map((e) => e.tag)).toEqual(['p']);
        expect(page.comments).toEqual([]);
        expect(page.text.trim()).toBe(flat(s));
      }),
      runs,
    );
  });

  it('inline(s) in a blockquote, a list item and a table cell stays in it', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        fc.pre(flat(s) !== '');
        const text = inline(s, Infinity);
        const quote = render(`> ${text}\n> — source.csv:3`, renderer);
        expect(quote.elements.map((e) => e.tag)).toEqual(['blockquote', 'p']);
        expect(quote.elements[1]!.text).toBe(`${flat(s)}\n— source.csv:3`);
        const list = render(`- ${text}\n- next`, renderer);
        expect(list.elements.map((e) => e.tag)).toEqual(['ul', 'li', 'li']);
        expect(list.elements[1]!.text.trim()).toBe(flat(s));
        const table = render(`| a | b | c |\n|---|---|---|\n| 1 | ${text} | 3 |`, renderer);
        expect(table.elements.filter((e) => e.tag === 'td').map((e) => e.text)).toEqual(['1', flat(s), '3']);
        expect(table.elements.every((e) => ['table', 'thead', 'tbody', 'tr', 'th', 'td'].includes(e.tag))).toBe(true);
      }),
      runs,
    );
  });

  it('inline(s) as a link text keeps the link thick wrote, and only that one', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        fc.pre(flat(s) !== '');
        const page = render(`[${inline(s, Infinity)}](customers/kim.md)`, renderer);
        expect(page.elements.map((e) => e.tag)).toEqual(['p', 'a']);
        expect(page.elements[1]).toEqual({ tag: 'a', attrs: { href: 'customers/kim.md' }, text: flat(s) });
      }),
      runs,
    );
  });

  it('heading(s) is one heading of the text, a trailing "#" included', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        fc.pre(flat(s) !== '');
        const page = render(`# ${heading(s)}\n\nbody`, renderer);
        expect(page.elements.map((e) => e.tag)).toEqual(['h1', 'p']);
        expect(page.elements[0]!.text).toBe(flat(s));
      }),
      runs,
    );
  });

  it('escapeMarkdown(s) inside a line leaves the line as it was, with the text in it', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const page = render(`see ${escapeMarkdown(s)} (tickets.csv:4)`, renderer);
        expect(page.elements.map((e) => e.tag)).toEqual(['p']);
        // A line break becomes a space; other spaces and tabs stay as they are inside a line.
        expect(page.text.trim()).toBe(`see ${shown(s.replace(/\r\n?|\n/g, ' '))} (tickets.csv:4)`);
      }),
      runs,
    );
  });

  it('codeSpan(id) is a code span of a plain id, and text of anything else', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.stringMatching(/^[\w.:/-]{1,20}$/)), (id) => {
        fc.pre(flat(id) !== '');
        const page = render(`codes: ${codeSpan(id)}`, renderer);
        const plain = /^[\w.:/-]+$/.test(id);
        expect(page.elements.map((e) => e.tag)).toEqual(plain ? ['p', 'code'] : ['p']);
        expect(page.text.trim()).toBe(`codes: ${plain ? id : flat(id)}`);
      }),
      runs,
    );
  });
});

describe('escaped text reads as written in the raw Markdown', () => {
  it('leaves what cannot form markup alone: ">" inside a line, a lone "&", snake_case, a Windows path, an @handle', () => {
    expect(inline('5 > 3, Tom & Jerry, kim_b, C:\\Users\\kim, thanks @FlyNord')).toBe('5 > 3, Tom & Jerry, kim_b, C:\\Users\\kim, thanks @FlyNord');
    expect(inline('Preis 10 - 20 # 3. Mal')).toBe('Preis 10 - 20 # 3. Mal');
  });

  it('escapes with one backslash where markup would start, never with an entity', () => {
    expect(inline('Great taste<br /><br />but too sweet')).toBe('Great taste\\<br />\\<br />but too sweet');
    expect(inline('<script>alert(1)</script> <!-- x --> <https://example.org>')).toBe('\\<script>alert(1)\\</script> \\<!-- x --> \\<https\\://example.org>');
    expect(inline('I said &gt; no &amp; yes &#60;')).toBe('I said \\&gt; no \\&amp; yes \\&#60;');
    expect(inline('![](https://evil.example/x.png) [x](javascript:alert(1))')).toBe('!\\[\\]\\(https\\://evil.example/x.png) \\[x\\]\\(javascript:alert(1))');
    expect(inline('*a* and __b__ and ~~c~~ and $x$')).toBe('\\*a\\* and \\_\\_b\\_\\_ and \\~\\~c\\~\\~ and \\$x\\$');
    expect(inline('`rm -rf` | C:\\temp\\')).toBe('\\`rm -rf\\` \\| C:\\temp\\\\');
  });

  it('keeps GFM autolink literals from becoming links: the colon of a scheme, the dot of www., the @ of an address', () => {
    expect(inline('see https://evil.example, www.evil.example or write kim.b@evil.example')).toBe(
      'see https\\://evil.example, www\\.evil.example or write kim.b\\@evil.example',
    );
  });

  it('escapes what would open a block at the start of a line: heading, quote, list, rule, numbered item', () => {
    expect(inline('# Not a heading')).toBe('\\# Not a heading');
    expect(inline('> not a quote')).toBe('\\> not a quote');
    expect(inline('- not a list')).toBe('\\- not a list');
    expect(inline('+ not a list')).toBe('\\+ not a list');
    expect(inline('===')).toBe('\\===');
    expect(inline('---')).toBe('\\---');
    expect(inline('******')).toBe('\\*\\*\\*\\*\\*\\*');
    expect(inline('___')).toBe('\\_\\_\\_');
    expect(inline('1. not numbered')).toBe('1\\. not numbered');
    expect(inline('2) not numbered')).toBe('2\\) not numbered');
  });

  it('flattens line breaks, so a value can never start a line of its own', () => {
    expect(inline('Kim\n# Owned\n<script>alert(1)</script>')).toBe('Kim # Owned \\<script>alert(1)\\</script>');
    expect(inline('```mermaid\nclick A "javascript:alert(1)"\n```')).toBe('\\`\\`\\`mermaid click A "javascript:alert(1)" \\`\\`\\`');
  });

  it('shows control characters as their pictures, so a report read in a terminal cannot drive it', () => {
    expect(inline('Kim\x1b[2J\x1b]0;owned\x07 \0 \x7f \x9b')).toBe('Kim␛\\[2J␛\\]0;owned␇ ␀ ␡ \uFFFD');
    expect(codeText('Kim\x1b[8m hidden')).toBe('Kim␛[8m hidden');
  });

  it('never cuts an emoji in half when it shortens a text', () => {
    const cut = inline('😀'.repeat(300), 280);
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('gives a heading no closing sequence of "#"s', () => {
    expect(heading('Kim #')).toBe('Kim \\#');
    expect(heading('Kim ##')).toBe('Kim \\##');
  });
});

describe('the shortcuts of escaping', () => {
  // Letters that match [a-z] and \w only under the i and u flags MARKUP has (long s, Kelvin sign), and near misses of
  // what MARKUP looks for around a character: "www" before a dot, "//" after a colon, "]" before "(".
  const near = fc.string({ unit: fc.constantFrom(...PIECES, 'ſ', '\u212a', 'wWw.', 'ww.', ':/', '://', '](', '] (', '&#', '&x', ';', 'a@b', '@b.c', '\u2028', '\u3000'), maxLength: 30 });

  it('leave a text exactly as escaping in full would', () => {
    fc.assert(fc.property(fc.oneof(hostile, near), (text) => escapeMarkdown(text) === escapeInFull(text)), { numRuns: 3000 });
  });

  it('leave a text exactly as flattening its whitespace in full would', () => {
    fc.assert(fc.property(fc.oneof(hostile, near), (text) => clip(text, Infinity) === text.replace(/\s+/g, ' ').trim()), { numRuns: 3000 });
  });
});
