import { describe, expect, it } from 'vitest';
import { defaultCodebook } from '../cli/resources.js';
import { ingestFile } from '../ingest/index.js';
import { analyse } from '../pipeline.js';
import type { Progress } from '../progress.js';
import { redactRun } from './index.js';

const MESSAGES = [
  'username,date,text,stars',
  'anna_berg,2024-06-02,"Bester Espresso, schreib mir an anna@example.org",5',
  'anna_berg,2024-06-09,"Wieder perfekt geröstet.",5',
  'grummel_hb,2024-06-27,"Kam zerbrochen an, ruf an: 0171 2345678",2',
].join('\n');

describe('redactRun progress', () => {
  const analysis = analyse([ingestFile(Buffer.from(MESSAGES), 'reviews.csv')], { codebook: defaultCodebook(), asOf: new Date('2024-07-01T00:00:00Z') });

  it('reports the customers, then the events it masked, from none to all', () => {
    const heard: Progress[] = [];
    const { analysis: redacted } = redactRun(analysis, { onProgress: (p) => heard.push(p) });
    const said = heard.map((p) => `${p.stage} ${p.unit} ${p.done}/${p.total}`);
    expect(said[0]).toBe('redact customers 0/2');
    expect(said).toContain('redact customers 2/2');
    expect(said.indexOf('redact customers 2/2')).toBeLessThan(said.indexOf('redact events 0/3'));
    expect(said.at(-1)).toBe('redact events 3/3');
    // Hearing the progress changes nothing of what is masked.
    expect(redacted).toEqual(redactRun(analysis).analysis);
  });
});
