import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readLabeled } from './eval.js';
import { ingestAll } from './pipeline.js';
import { UsageError } from './options.js';
import { checkStdinOnce, forgetStdin, hintTerminal, inputName, readStdin, useStdin } from './stdin.js';

/** A descriptor standing in for standard input: a file written with `bytes`. */
function fdOf(bytes: Uint8Array | string): number {
  const file = join(mkdtempSync(join(tmpdir(), 'thick-stdin-')), 'stdin');
  writeFileSync(file, bytes);
  return openSync(file, 'r');
}

describe('standard input as an input file', () => {
  afterEach(() => forgetStdin());

  it('is read whole, as bytes, once: a second read (eval reads its file twice) gets the same bytes', () => {
    const text = `Name,Kommentar\n${'Ida Imker,Die Mühle kam kaputt an\n'.repeat(5000)}`; // longer than one read
    const fd = fdOf(Buffer.from(text, 'latin1'));
    const first = readStdin({ fd, isTTY: false, hint: () => {} });
    closeSync(fd);
    expect(Buffer.from(first).toString('latin1')).toBe(text);
    expect(readStdin({ fd: -1, isTTY: false, hint: () => {} })).toBe(first);
  });

  it('is read from the source useStdin gives (an in-process run), each given source afresh', () => {
    try {
      useStdin({ fd: fdOf('first'), isTTY: false, hint: () => {} });
      expect(Buffer.from(readStdin()).toString()).toBe('first');
      useStdin({ fd: fdOf('second'), isTTY: false, hint: () => {} });
      expect(Buffer.from(readStdin()).toString()).toBe('second');
      // A streamed read (annotate) hints through the same source.
      const hints: string[] = [];
      useStdin({ fd: fdOf(''), isTTY: true, hint: (m) => hints.push(m) });
      hintTerminal();
      expect(hints).toHaveLength(1);
    } finally {
      useStdin(null);
    }
  });

  it('tells a person at a terminal how to end it, and says nothing to a pipe', () => {
    const hints: string[] = [];
    readStdin({ fd: fdOf(''), isTTY: false, hint: (m) => hints.push(m) });
    expect(hints).toEqual([]);
    forgetStdin();
    readStdin({ fd: fdOf(''), isTTY: true, hint: (m) => hints.push(m) });
    expect(hints).toEqual([expect.stringMatching(/^thick: reading standard input \(-\); end with Ctrl-/)]);
  });

  it('is named <stdin> and may be named only once', () => {
    expect(inputName('-')).toBe('<stdin>');
    expect(inputName('a.csv')).toBe('a.csv');
    expect(() => checkStdinOnce(['a.csv', '-'])).not.toThrow();
    expect(() => checkStdinOnce(['-', 'a.csv', '-'])).toThrow(UsageError);
    expect(() => ingestAll(['-', '-'], {})).toThrow('-: standard input is named more than once; it can be read only once');
  });

  it('is ingested as a file is: encoding and delimiter detected, rows named <stdin>', () => {
    // UTF-16 with a byte-order mark and semicolons: detection must see the bytes as they came.
    const text = '\uFEFFName;Kommentar\nIda Imker;Die Mühle kam kaputt an\n';
    const fd = fdOf(Buffer.from(text, 'utf16le'));
    readStdin({ fd, isTTY: false, hint: () => {} });
    closeSync(fd);
    const [ingest] = ingestAll(['-'], {});
    expect(ingest).toMatchObject({ file: '<stdin>', encoding: 'utf-16le', delimiter: ';', rows: { read: 1, used: 1, rejected: 0 } });
  });

  it('serves eval and train: a labelled file from standard input, its rejected rows named <stdin>', () => {
    const fd = fdOf('text,label\nDie Mühle kam kaputt an,negative\nSchöner Kaffee,positive\nnur so,vielleicht\n');
    readStdin({ fd, isTTY: false, hint: () => {} });
    closeSync(fd);
    const labeled = readLabeled('-', { map: [], brand: [], placeholder: [] });
    expect(labeled.rows).toEqual({ read: 3, used: 2, rejected: 1 });
    expect(labeled.rejected.map((r) => `${r.file}:${r.line}`)).toEqual(['<stdin>:4']);
  });
});
