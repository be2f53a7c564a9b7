import { afterEach, describe, expect, it, vi } from 'vitest';
import { terminal } from './terminal.js';

describe('terminal messages', () => {
  afterEach(() => vi.restoreAllMocks());

  it('show control characters from data as visible symbols, so a cell cannot drive the terminal', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    const term = terminal();
    term.warn('analyst code "\x1b[2Jx" in notes.csv:3');
    term.error('bad\x07 file');
    term.info('read \x1b]0;title\x07.csv');
    expect(written.join('')).not.toMatch(/[\x07\x1b]/);
    expect(written.join('')).toContain('analyst code "␛[2Jx"');
  });
});
