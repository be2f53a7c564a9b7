import { describe, expect, it } from 'vitest';
import { ingestFile } from '../ingest/index.js';
import { analyse } from '../pipeline.js';
import { defaultCodebook } from '../cli/resources.js';
import { foldState, stateDraft, stateText, type StateDraft } from './state.js';

describe('the run state from drafts', () => {
  it('is the same whether built from the profiles or folded from each customer\'s draft kept as plain data', () => {
    const reviews = [
      'author,date,stars,text',
      'Anna Berg,2024-03-01,1,Die Lieferung kam zwei Wochen zu spät und niemand hat geantwortet',
      'Ein Google-Nutzer,2024-03-02,5,Super Kaffee',
      'Ein Google-Nutzer,2024-03-02,5,Super Kaffee',
      'Ben Ott,2024-03-03,3,Geht so',
    ].join('\n');
    const survey = 'email,date,nps,comment\nanna@example.org,2024-03-05,2,Zu teuer\nclara@example.org,2024-03-06,9,Gern wieder\n';
    const analysis = analyse([ingestFile(Buffer.from(`${reviews}\n`), 'reviews.csv'), ingestFile(Buffer.from(survey), 'survey.csv')], { codebook: defaultCodebook() });
    const subjects = analysis.profiled.map((subject) => ({ subject, id: subject.profile.id }));
    const options = { asOf: new Date('2024-04-01T00:00:00Z'), window: null, redacted: false };
    const built = foldState(
      subjects.map(({ subject, id }) => ({ draft: stateDraft(subject), id })),
      options,
    );
    // A draft survives being written out and read back (a run that spills its customers part by part).
    const drafts = JSON.parse(JSON.stringify(subjects.map(({ subject, id }) => ({ draft: stateDraft(subject), id })))) as { draft: StateDraft; id: string }[];
    const folded = foldState(drafts, options);
    expect(stateText(folded.state)).toBe(stateText(built.state));
    expect(folded.collisions).toEqual(built.collisions);
    // The run has ratings on two scales and two anonymous records alike, told apart by their number.
    expect(built.state.scale).not.toBeNull();
    expect(drafts.filter(({ draft }) => draft.byContent)).toHaveLength(2);
    expect(Object.keys(built.state.customers)).toHaveLength(subjects.length);
  });
});
