import { describe, expect, it } from 'vitest';
import { SCALES } from '../rating-scales.js';
import type { RatingScale, SentimentLabel } from '../model.js';
import { ratingTone } from '../rating-scales.js';

/** "1–2 negative, 3 neutral, 4–5 positive" → value → label; "down negative, up positive" for thumbs. */
function statedMapping(scale: RatingScale): Map<number, SentimentLabel> {
  const stated = new Map<number, SentimentLabel>();
  for (const part of SCALES[scale].labels.split(', ')) {
    const m = /^(\d+|down|up)(?:–(\d+))? (negative|neutral|positive)/.exec(part)!;
    const from = m[1] === 'down' ? 0 : m[1] === 'up' ? 1 : Number(m[1]);
    for (let v = from; v <= Number(m[2] ?? from); v++) stated.set(v, m[3] as SentimentLabel);
  }
  return stated;
}

describe('the rating mapping eval and train print', () => {
  it.each(Object.keys(SCALES) as RatingScale[])('is what every judgement reads a %s rating as, value by value', (scale) => {
    const stated = statedMapping(scale);
    const { min, max } = SCALES[scale];
    expect([...stated.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: max - min + 1 }, (_, i) => min + i));
    for (const [value, label] of stated) expect(ratingTone({ value, scale }), `${scale} ${value}`).toBe(label);
  });
});
