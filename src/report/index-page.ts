import type { ContextEvent } from '../model.js';
import { byAttention, type ProfiledCustomer } from '../profile/index.js';
import { cite, codeSpan, day, dayOf, inline, mdText, money, num } from './format.js';
import { labels, stageName, type ReportLang } from './i18n.js';
import { pageMarkdown, type Block } from './page.js';
import { ratingText, say, type Finding } from '../profile/wording.js';

/** What the index says about the run's inputs (not profile/evidence.ts RunFacts, which is what the judgements know). */
export interface IndexInputs {
  files: { file: string; preset: string; rows: { read: number; used: number; rejected: number } }[];
  contextEvents: readonly ContextEvent[];
  /** Gaps that hold for every customer of the run (profile/judgements.ts runBlindSpots): said here, once. */
  blindSpots?: readonly Finding[];
}

/** The latest rating; without one (ratings of the same time that disagree), their mean, said as such. */
function ratingCell(rating: ProfiledCustomer['profile']['rating'], lang: ReportLang): string {
  if (!rating) return '—';
  if (rating.latest !== null) return ratingText({ value: rating.latest, scale: rating.scale }, lang);
  return `${labels(lang).mean} ${ratingText({ value: Math.round(rating.mean * 10) / 10, scale: rating.scale }, lang)}`;
}

/** The index as Markdown. */
export function renderIndex(subjects: readonly ProfiledCustomer[], run: IndexInputs, lang: ReportLang): string {
  return pageMarkdown(indexPage(subjects, run, lang));
}

/** The index as blocks: every customer, who needs attention first, each linked to their report. */
export function indexPage(subjects: readonly ProfiledCustomer[], run: IndexInputs, lang: ReportLang): Block[] {
  const l = labels(lang);
  const sorted = [...subjects].sort(byAttention);
  const lines: Block[] = [`# ${l.indexTitle}`, ''];
  const read = run.files.reduce((sum, f) => sum + f.rows.read, 0);
  const rejected = run.files.reduce((sum, f) => sum + f.rows.rejected, 0);
  lines.push(`${l.generated} ${run.files.map((f) => `${codeSpan(f.file)} (${f.preset})`).join(', ')}: ${read} ${l.rowsRead}, ${rejected} ${l.rejected}.`, '');

  const stages = new Map<string, number>();
  for (const s of sorted) stages.set(s.profile.stage, (stages.get(s.profile.stage) ?? 0) + 1);
  lines.push(`${l.stages}: ${[...stages].map(([stage, n]) => `${stageName(stage, lang)} ${n}`).join(' · ')}`, '');
  if (run.blindSpots && run.blindSpots.length > 0) {
    lines.push(`## ${l.runBlindSpots}`, '', ...run.blindSpots.map((f) => `- ${mdText(say(f, lang))}`), '');
  }

  lines.push(
    `| # | ${l.customer} | ${l.stage} | ${l.attention} | ${l.why} | ${l.unanswered} | ${l.sentiment} | ${l.rating} | ${l.orders} | ${l.revenue} | ${l.lastContact} |`,
    '|---:|---|---|---:|---|---:|---:|---|---:|---:|---|',
  );
  sorted.forEach(({ profile, findings }, i) => {
    const name = inline(profile.name ?? profile.id, 60);
    const tone = profile.sentiment.mean === null ? '—' : num(profile.sentiment.mean, lang, 2);
    const why = findings.attention.map((f) => say(f, lang)).join(', ');
    const rating = ratingCell(profile.rating, lang);
    lines.push(
      `| ${i + 1} | [${name}](customers/${profile.slug}.md) | ${stageName(profile.stage, lang)} | ${num(profile.attention, lang)} | ${inline(why, 80) || '—'} | ${profile.dialog.unanswered} | ${tone} | ${rating} | ${profile.orders.count ?? '—'} | ${money(profile.orders.revenue, lang)} | ${dayOf(profile.lastContact)} |`,
    );
  });

  if (run.contextEvents.length > 0) {
    lines.push('', `## ${l.worldEventsIndex}`, '');
    for (const context of run.contextEvents) {
      const touched = sorted.filter((s) => s.events.some((e) => e.annotations.some((a) => a.code === 'context' && a.source.file === context.source.file && a.source.line === context.source.line)));
      const names = touched.map((s) => `[${inline(s.profile.name ?? s.profile.id, 40)}](customers/${s.profile.slug}.md)`).join(', ');
      lines.push(`- ${day(context.from)} – ${day(context.until)}: ${inline(context.note, 200)} (${cite(context.source)}) — ${touched.length} ${touched.length === 1 ? l.customerOne : l.customerMany}${names ? `: ${names}` : ''}`);
    }
  }
  return lines;
}
