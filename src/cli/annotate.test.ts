import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureOutput, expectCountsRise } from '../test-support.js';
import type { Progress } from '../progress.js';
import { runAnnotate } from './annotate.js';
import { terminal, type Terminal } from './terminal.js';

const dir = mkdtempSync(join(tmpdir(), 'thick-annotate-'));

afterEach(() => vi.restoreAllMocks());

describe('thick annotate on a table with a "text" column', () => {
  it('annotates the texts without --map (no contacts export, no false "no text column" warning)', async () => {
    const input = join(dir, 'labelled.csv');
    writeFileSync(input, 'id,text,label,reason,airline,created\n31,@FlyNord the seat was broken and nobody helped,negative,Seat,FlyNord,3/11/2023 14:20\n32,@FlyNord lovely crew today,positive,,FlyNord,3/11/2023 15:05\n');
    const out = join(dir, 'labelled.jsonl');
    const io = captureOutput();
    expect(await runAnnotate([input], { out, map: [], brand: [] })).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { kind: string; text: string | null });
    expect(rows.map((r) => [r.kind, r.text])).toEqual([
      ['message', '@FlyNord the seat was broken and nobody helped'],
      ['message', '@FlyNord lovely crew today'],
    ]);
    expect(io.stderr()).not.toContain('no text column');
  });
});

/** An invented messages export: customers asking and thanking, the brand answering, with a reply link each. */
function messages(rows: number): string {
  const lines = ['customer_id,timestamp,channel,direction,text,message_id,in_reply_to'];
  for (let i = 0; i < rows; i++) {
    const id = `K${String(i % 37).padStart(3, '0')}`;
    const day = `2024-03-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z`;
    if (i % 3 === 2) lines.push(`${id},${day},email,outbound,"Danke, wir kümmern uns darum.",M${i},M${i - 1}`);
    else lines.push(`${id},${day},email,inbound,"${i % 2 ? 'Wo bleibt mein Paket? Ich warte seit Tagen' : 'Super Kaffee, vielen Dank'} (${i})",M${i},`);
  }
  return `${lines.join('\n')}\n`;
}

/** A readable the test feeds by hand: what annotate reads of it arrives only when the test writes it. */
function handFed(): { input: PassThrough; open: (file: string) => AsyncIterable<Uint8Array> } {
  const input = new PassThrough();
  return { input, open: () => input };
}

/** A stdout that keeps what it is given, and says when the first line has come. */
function keptOutput(): { stream: Writable; text: () => string; firstLine: Promise<void> } {
  const chunks: string[] = [];
  let seen: () => void = () => {};
  const firstLine = new Promise<void>((resolve) => (seen = resolve));
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      if (chunks.join('').includes('\n')) seen();
      done();
    },
  });
  return { stream, text: () => chunks.join(''), firstLine };
}

const within = (promise: Promise<void>, ms: number): Promise<boolean> =>
  Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

describe('thick annotate streams', () => {
  it('writes its first line before the input has ended', async () => {
    captureOutput();
    const { input, open } = handFed();
    const out = keptOutput();
    const text = messages(400);
    const half = text.indexOf('\n', text.length / 2) + 1;
    const run = runAnnotate(['-'], { out: '-', map: [], brand: [], quiet: true }, { open, stdout: out.stream, sampleBytes: 4096 });
    input.write(text.slice(0, half));
    // The second half is not even written yet: a line out now was annotated from what had come so far.
    expect(await within(out.firstLine, 10_000)).toBe(true);
    const early = out.text().split('\n').filter(Boolean);
    expect(JSON.parse(early[0]!)).toMatchObject({ source: { file: '<stdin>', line: 2 }, direction: 'inbound' });
    expect(early.length).toBeLessThan(400);
    input.end(text.slice(half));
    expect(await run).toBe(0);
    const lines = out.text().trim().split('\n').map((l) => JSON.parse(l) as { source: { line: number } });
    expect(lines.map((l) => l.source.line)).toEqual(Array.from({ length: 400 }, (_, i) => i + 2));
  });

  it('writes what a whole read writes, as JSON lines, as CSV and in the --json summary', async () => {
    // Beside the messages: a row with a field too many, and an unreadable date (read as empty, with a warning).
    const rows = messages(300).replace('2024-03-10T10:00:00Z', '2024-13-45').split('\n');
    rows.splice(150, 0, 'K999,2024-03-01T10:00:00Z,email,inbound,hallo,M999,,zu viel');
    const text = rows.join('\n');
    const input = join(dir, 'streamed.csv');
    writeFileSync(input, text);
    for (const ext of ['jsonl', 'csv']) {
      const outputs = [];
      for (const sampleBytes of [2048, 1 << 20]) {
        const out = join(dir, `streamed-${sampleBytes}.${ext}`);
        const io = captureOutput();
        expect(await runAnnotate([input], { out, map: [], brand: [], json: true }, { sampleBytes })).toBe(0);
        outputs.push({ file: readFileSync(out, 'utf8'), summary: io.stdout().replaceAll(out, 'OUT'), stderr: io.stderr() });
        vi.restoreAllMocks();
      }
      expect(outputs[0]!.file).toContain('expected 7 fields, found 8');
      expect(outputs[0]!.summary).toContain('read as empty');
      expect(outputs[0]).toEqual(outputs[1]);
    }
  });

  it('rejects a reply after the sample whose reading rests on the rest of the run, and keeps one that reads the same', async () => {
    const late = [
      'K900,2024-04-01T10:00:00Z,email,inbound,"Wo bleibt mein Paket? Ich warte seit Tagen und niemand antwortet",M900,M5',
      'K901,2024-04-01T11:00:00Z,email,inbound,"ok",M901,M6',
    ];
    const input = join(dir, 'late-reply.csv');
    writeFileSync(input, `${messages(120)}${late.join('\n')}\n`);
    const out = join(dir, 'late-reply.jsonl');
    const io = captureOutput();
    expect(await runAnnotate([input], { out, map: [], brand: [], json: true }, { sampleBytes: 2048 })).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { source: { line: number }; rejected?: string; text?: string });
    expect(lines).toHaveLength(122);
    expect(lines[120]).toMatchObject({ source: { line: 122 }, rejected: expect.stringMatching(/^column 7: a reply to message M5 after the first 2 KiB of the file, which held none: whether it awaits the brand's answer/) });
    expect(lines[121]).toMatchObject({ source: { line: 123 }, text: 'ok' });
    const summary = JSON.parse(io.stdout()) as { rows: { read: number; used: number; rejected: number } };
    expect(summary.rows).toEqual({ read: 122, used: 121, rejected: 1 });
  });

  it('rejects a later row whose date proves the order the sample could only assume', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `Kundin ${i},0${(i % 9) + 1}/0${(i % 8) + 1}/2024,Danke für die schnelle Lieferung`);
    const input = join(dir, 'late-date.csv');
    writeFileSync(input, ['name,date,text', ...rows, 'Spät,13/05/2024,Alles gut'].join('\n'));
    const out = join(dir, 'late-date.jsonl');
    captureOutput();
    expect(await runAnnotate([input], { out, map: [], brand: [] }, { sampleBytes: 1024 })).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { source: { line: number }; rejected?: string });
    expect(lines).toHaveLength(101);
    expect(lines[100]).toEqual({ source: { file: input, line: 102 }, rejected: expect.stringMatching(/^column 2: "13\/05\/2024" can only be read with day before month/) });
  });

  /** Orders whose amounts the first 2 KiB read with '.' ("12.50"), and the given rows after them. */
  function orders(later: readonly string[]): string {
    const rows = Array.from({ length: 120 }, (_, i) => `O${i},K${i % 30},2024-03-${String((i % 28) + 1).padStart(2, '0')},${i}.50,"Bitte schnell liefern, danke"`);
    return `${['Order ID,Customer ID,Order Date,Total,Comment', ...rows, ...later].join('\n')}\n`;
  }

  /** annotate -o jsonl --json of `text`, streamed on a sample of `sampleBytes`: the lines, the summary and stderr. */
  async function annotated(name: string, text: string, sampleBytes: number) {
    const input = join(dir, `${name}.csv`);
    writeFileSync(input, text);
    const out = join(dir, `${name}-${sampleBytes}.jsonl`);
    const io = captureOutput();
    expect(await runAnnotate([input], { out, map: [], brand: [], json: true }, { sampleBytes })).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { source: { line: number }; amount?: number | null; rejected?: string });
    const result = { lines, summary: JSON.parse(io.stdout().replaceAll(out, 'OUT')) as { rows: object; warnings: string[]; rejected: object[] }, stderr: io.stderr() };
    vi.restoreAllMocks();
    return result;
  }

  it('reads a later amount that proves the other decimal separator as a whole read does, and warns alike', async () => {
    const text = orders(['O900,K1,2024-04-01,"1.234,56",Spät', 'O901,K2,2024-04-02,"1,234",auch spät']);
    const streamed = await annotated('late-amount', text, 2048);
    const whole = await annotated('late-amount', text, 1 << 20);
    expect(streamed).toEqual(whole);
    expect(streamed.lines.slice(-2).map((l) => l.amount)).toEqual([1234.56, 1234]);
    expect(streamed.summary.warnings).toContain(`${join(dir, 'late-amount.csv')}: column "Total": decimal separator contradicts itself: 1 value(s) use ',', 120 use '.'; reading '.'`);
  });

  it('rejects the later amounts that would settle the column on the other separator, naming file, line and column', async () => {
    // 120 amounts prove '.', then 130 prove ',': from the 121st of them on, a whole read would read the column with ','.
    const late = Array.from({ length: 130 }, (_, i) => `P${i},K${i % 30},2024-04-01,"${i + 1},25",spät`);
    const { lines, summary } = await annotated('late-amounts', orders(late), 2048);
    expect(lines).toHaveLength(250);
    const rejected = lines.filter((l) => l.rejected !== undefined);
    expect(rejected.map((l) => l.source.line)).toEqual(Array.from({ length: 10 }, (_, i) => 242 + i));
    expect(rejected[0]).toEqual({
      source: { file: join(dir, 'late-amounts.csv'), line: 242 },
      rejected: `column 4: "121,25" can only be read with ',' as the decimal separator; the first 2 KiB of the file settled this column on '.' as the decimal separator, but with this value 121 of its values prove ',' and 120 '.', so a whole read would settle it the other way`,
    });
    expect(lines[239]).toMatchObject({ source: { line: 241 }, amount: 120.25 });
    expect(summary.rows).toEqual({ read: 250, used: 240, rejected: 10 });
  });

  it('says once, on stderr (with --quiet too) and in the --json summary, when it must read a run whole, naming file and why', async () => {
    // The customer answers a message in line 2: whether that awaits the brand's answer rests on the whole run.
    const input = join(dir, 'replies.csv');
    writeFileSync(input, messages(120).replace(/\n(K\d+,[^\n]*,inbound,"[^"]*",M0,)/, '\n$1M99'));
    const io = captureOutput();
    expect(await runAnnotate([input], { out: join(dir, 'replies.jsonl'), map: [], brand: [], json: true, quiet: true }, { sampleBytes: 2048 })).toBe(0);
    const warning = `${input}: read whole, not streamed (its first 2 KiB holds a customer's reply to another message (line 2); whether it awaits the brand's answer rests on rows anywhere in the run, so the run is linked as a whole), so memory grows with the size of the input`;
    expect(io.stderr().split('\n').filter((line) => line.includes('read whole'))).toEqual([`warning: ${warning}`]);
    expect((JSON.parse(io.stdout()) as { warnings: string[] }).warnings).toContain(warning);
  });

  it('says nothing of it when the inputs stream, or all end within their first part', async () => {
    const input = join(dir, 'plain.csv');
    writeFileSync(input, messages(120));
    for (const sampleBytes of [2048, 1 << 20]) {
      const io = captureOutput();
      expect(await runAnnotate([input], { out: join(dir, 'plain.jsonl'), map: [], brand: [] }, { sampleBytes })).toBe(0);
      expect(io.stderr()).not.toContain('read whole');
      vi.restoreAllMocks();
    }
  });
});

describe('thick annotate on a terminal', () => {
  /** A terminal as on a TTY, over a stream of the test's own, that also hands the test every report it hears. */
  function watchedTerminal() {
    const heard: Progress[] = [];
    let drawn = '';
    const write = (chunk: unknown) => ((drawn += String(chunk)), true);
    const stream = { isTTY: true, columns: 100, write, cursorTo: () => write('\r'), moveCursor: () => true, clearLine: () => true } as unknown as NodeJS.WriteStream;
    const make = (quiet: boolean): Terminal => {
      const term = terminal(quiet, { isTTY: true, columns: 100, quiet, env: { TERM: 'xterm-256color' } }, { stream });
      const draw = term.progress;
      return draw ? { ...term, progress: (p) => (heard.push(p), draw(p)) } : term;
    };
    return { make, heard, drawn: () => drawn };
  }

  it('counts the rows it streams into a file, with their pace, and keeps how many it annotated', async () => {
    const input = join(dir, 'progress-streamed.csv');
    writeFileSync(input, messages(600));
    const watched = watchedTerminal();
    captureOutput();
    expect(await runAnnotate([input], { out: join(dir, 'progress-streamed.jsonl'), map: [], brand: [] }, { sampleBytes: 2048, terminal: watched.make })).toBe(0);
    const streamed = watched.heard.filter((p) => p.stage === 'annotate');
    expect(streamed.every((p) => p.unit === 'rows' && p.total === null && p.file === input)).toBe(true);
    const counts = streamed.map((p) => p.done);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(600);
    expect(watched.drawn()).toMatch(/annotated 600 rows of \S*progress-streamed\.csv in/);
  });

  it('counts a whole read as analyze does: the file read, the records linked, the rows annotated', async () => {
    const input = join(dir, 'progress-whole.csv');
    writeFileSync(input, messages(300));
    const watched = watchedTerminal();
    captureOutput();
    expect(await runAnnotate([input], { out: join(dir, 'progress-whole.jsonl'), map: [], brand: [] }, { sampleBytes: 1 << 20, terminal: watched.make })).toBe(0);
    expect([...new Set(watched.heard.map((p) => p.stage))]).toEqual(['read', 'link', 'annotate']);
    expectCountsRise(watched.heard, 'link');
    expect(expectCountsRise(watched.heard, 'annotate').at(-1)).toBe(300);
  });

  it('draws no progress when the lines go to stdout: stdout holds the lines alone', async () => {
    const input = join(dir, 'progress-stdout.csv');
    writeFileSync(input, messages(300));
    const watched = watchedTerminal();
    const chunks: string[] = [];
    const stdout = new Writable({ write: (chunk, _encoding, done) => (chunks.push(String(chunk)), done()) });
    expect(await runAnnotate([input], { out: '-', map: [], brand: [] }, { sampleBytes: 2048, stdout, terminal: watched.make })).toBe(0);
    expect(watched.heard).toEqual([]);
    expect(watched.drawn()).toBe('');
    expect(chunks.join('').trim().split('\n').every((line) => line.startsWith('{'))).toBe(true);
  });
});
