// inspect reads and links a run exactly as analyze does, so what it says of each file is what analyze will do.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { byCodePoint } from '../collation.js';
import { runInspect } from './inspect.js';
import { analyse } from '../pipeline.js';
import { ingestAll } from './pipeline.js';
import { defaultCodebook } from './resources.js';

const dir = mkdtempSync(join(tmpdir(), 'thick-inspect-'));
const contacts = join(dir, 'contacts.csv');
writeFileSync(contacts, 'Customer ID,Name,Email,Instagram\nK-1,Rösterei Nordlicht,hallo@nordlicht.example,nordlicht\nK-2,Anna Berg,anna@example.org,anna_berg\n');
const comments = join(dir, 'comments.csv');
writeFileSync(comments, 'Username,Comment,Date\nanna_berg,Wo bleibt mein Paket?,2024-05-02\nnordlicht,@anna_berg ist unterwegs!,2024-05-02\n');

function stdoutOf(run: () => Promise<number>): Promise<string> {
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  return run().then(() => out.join(''));
}

afterEach(() => vi.restoreAllMocks());

describe('thick inspect links the run as analyze does', () => {
  const flags = { map: [], brand: ['nordlicht'] };

  it("leaves the brand's own contact out and says so, as analyze does", async () => {
    const text = await stdoutOf(() => runInspect([contacts, comments], flags));
    expect(text).toContain(`warning: ${contacts}:2: contact K-1 is the brand's own account (--brand); no profile for it`);
    const analysis = analyse(ingestAll([contacts, comments], { brandHandles: new Set(['nordlicht']) }), { codebook: defaultCodebook(), brandHandles: new Set(['nordlicht']) });
    expect(analysis.warnings).toContain(`${contacts}:2: contact K-1 is the brand's own account (--brand); no profile for it`);
    const json = JSON.parse(await stdoutOf(() => runInspect([contacts, comments], { ...flags, json: true }))) as { file: string; customers: number; records: object; joins: object }[];
    // analyze takes the files by name; inspect shows them in the order given.
    const byFile = (a: { file: string }, b: { file: string }) => byCodePoint(a.file, b.file);
    expect([...json].sort(byFile).map(({ customers, records, joins }) => ({ customers, records, joins }))).toEqual(
      [...analysis.identities].sort(byFile).map(({ customers, records, joins }) => ({ customers, records, joins })),
    );
  });
});
