import { isCustomerVoice, isReading, type Annotation, type Event } from '../model.js';
import type { ProfiledCustomer } from '../profile/index.js';
import { timeBuckets, type TimelineChart } from './charts.js';
import { CATEGORY_ORDER, categoryOf, categoryTitle, codeLabel, type CodeInfo } from './codes.js';
import { cite, clip, codeSpan, day, dayOf, escapeMarkdown, heading, inline, mdText, minutes, money, num, period, provenance, quote, sampleSize } from './format.js';
import { andMore, channelName, labels, stageName, word, type ReportLang } from './i18n.js';
import { nextConversation } from './openers.js';
import { pageMarkdown, type Block } from './page.js';
import { portrait } from './portrait.js';
import { byCodePoint } from '../collation.js';
import { byRecord } from '../profile/chronology.js';
import { stillOpen } from '../profile/dialog.js';
import { toneDisagrees } from '../profile/ratings.js';
import { ratingTone } from '../rating-scales.js';
import type { Signals } from '../profile/signals.js';
import { kindName, ratingText, say, type Finding } from '../profile/wording.js';

/** Marks a report as thick's own, so a rerun replaces it and leaves files a person put there alone. */
export const GENERATED_MARK = '<!-- written by thick: a rerun replaces this file -->';

export interface ReportOptions {
  lang: ReportLang;
  codes: ReadonlyMap<string, CodeInfo>;
  /** Gaps most of the run shares (ProfiledRun.sharedGaps): the index says them once, so the report leaves them out. */
  sharedGaps?: readonly string[];
}

/**
 * The customer's blind spots as the report lists them: what is particular to them. The only section that needs the
 * whole run (the gaps most of it shares), so a page can be drawn without it and have it filled in later
 * (cli/write.ts customerPagesWithSlot). Its lines are never empty: a slot needs none (page.ts markdownPart).
 */
export function blindSpotsSection(blindSpots: readonly Finding[], sharedGaps: readonly string[], lang: ReportLang): string[] {
  const shared = new Set(sharedGaps);
  const own = blindSpots.filter((f) => !shared.has(f.key));
  return own.length > 0 ? own.map((f) => `- ${mdText(say(f, lang))}`) : [labels(lang).noBlindSpots];
}

/**
 * How telling a text is: coded evidence and strong feeling first, long enough to say something; a record whose
 * words and rating disagree is worth reading yourself, so it comes early.
 */
function tellingness(event: Event, signals: Signals): number {
  const codes = event.annotations.filter((a) => a.by.kind === 'rule' && !signals.is('notMeaningful', a.code)).length;
  const feeling = Math.abs(event.sentiment?.score ?? 0);
  const length = Math.min(1, (event.text?.length ?? 0) / 200);
  return codes + 2 * feeling + length + (toneDisagrees(event) ? 2 : 0);
}

/** Text as a reader compares it: case, spacing and punctuation aside, so a post sent twice counts once. */
export const sameWords = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** How many texts the voice section quotes. */
const QUOTED = 5;

/**
 * The customer's most telling texts, each distinct text once (the most telling copy of it). Each text's tellingness
 * is taken once, not in every comparison of the sort, and texts are compared by their words only until five are found.
 */
function voice(subject: ProfiledCustomer): Event[] {
  const ranked = subject.events
    .filter((e) => isCustomerVoice(e) && e.text!.trim().length > 3)
    .map((event) => ({ event, telling: tellingness(event, subject.signals) }))
    .sort((a, b) => b.telling - a.telling || byRecord(a.event, b.event));
  const seen = new Set<string>();
  const quoted: Event[] = [];
  for (const { event } of ranked) {
    if (quoted.length === QUOTED) break;
    const key = sameWords(event.text!);
    if (seen.has(key)) continue;
    seen.add(key);
    quoted.push(event);
  }
  return quoted;
}

/** At most this many open messages are listed; the rest are counted. A heavy user can have thousands. */
export const OPEN_LISTED = 10;

function whoSection(subject: ProfiledCustomer, l: ReturnType<typeof labels>, lang: ReportLang): string[] {
  const { profile, customer } = subject;
  // Ids, addresses, handles, city and CRM stage are data from the export: escaped like any customer text.
  const ids = [
    profile.identity.crmId && `CRM ${mdText(profile.identity.crmId)}`,
    ...profile.identity.emails.map(mdText),
    ...profile.identity.handles.map((h) => `@${mdText(h)}`),
  ].filter(Boolean);
  const contact = customer.contact;
  const lines = [
    `- ${l.ids}: ${ids.join(' · ') || l.unknown}`,
    `- ${l.firstContact}: ${dayOf(profile.firstContact, lang)} · ${l.lastContact}: ${dayOf(profile.lastContact, lang)}`,
    `- ${l.channels}: ${Object.keys(profile.channels).map((c) => escapeMarkdown(channelName(c, lang))).join(', ') || l.none}`,
  ];
  const kinds = Object.entries(profile.kinds).map(([kind, n]) => kindName(kind, lang, n));
  if (kinds.length > 0) lines.push(`- ${l.records}: ${kinds.join(', ')}`);
  if (profile.rating) lines.push(`- ${l.ratings}: ${ratingLine(profile.rating, l, lang)}`);
  if (customer.anonymous) {
    // The placeholder as the export wrote it, not the display name that tells such customers apart in the index.
    const placeholder = subject.events.find((e) => e.who.placeholder)?.who.placeholder;
    lines.push(`- ${placeholder ? l.placeholderName.replace('{name}', () => inline(placeholder, 60)) : l.noAuthorName}`);
  }
  if (customer.nameJoins.length > 0) lines.push(`- ${l.joinedByName.replace('{n}', String(customer.nameJoins.length))}: ${customer.nameJoins.slice(0, 5).map(cite).join(', ')}`);
  if (contact?.city) lines.push(`- ${inline(contact.city, 120)}${contact.crmStage ? ` · CRM: ${mdText(contact.crmStage)}` : ''}`);
  return lines;
}

/**
 * "latest ★★☆☆☆ 2/5 (2024-05-01), mean 2.5 (n = 3), falling" (German "zuletzt ★★☆☆☆ 2/5 (01.05.2024), Mittelwert 2,5
 * (n = 3), fallend"). Ratings that share the latest time and disagree make no latest and no trend: "several at the
 * same time (2024-05-01), none later".
 */
function ratingLine(rating: NonNullable<ProfiledCustomer['profile']['rating']>, l: ReturnType<typeof labels>, lang: ReportLang): string {
  const when = rating.latestAt ? dayOf(rating.latestAt, lang) : l.undated;
  const latest = rating.latest === null ? l.latestTied.replace('{date}', when) : `${ratingText({ value: rating.latest, scale: rating.scale }, lang)}${rating.latestAt ? ` (${when})` : ''}`;
  const parts = [`${l.latest} ${latest}`];
  if (rating.n > 1) parts.push(`${l.mean} ${num(rating.mean, lang)} (${sampleSize(rating.n, lang)})`);
  if (rating.trend) parts.push(l[rating.trend]);
  return parts.join(', ');
}

function numbersSection(subject: ProfiledCustomer, l: ReturnType<typeof labels>, lang: ReportLang): Block[] {
  const { profile } = subject;
  const rfm = profile.rfm ? `${l.recency} ${profile.rfm.recency} · ${l.frequency} ${profile.rfm.frequency} · ${l.monetary} ${profile.rfm.monetary}` : '—';
  const lines: Block[] = [`| ${l.orders} | ${l.revenue} | ${l.rfm} |`, '|---:|---:|---|', `| ${profile.orders.count ?? '—'} | ${money(profile.orders.revenue, lang)} | ${rfm} |`, ''];
  const channels = Object.entries(profile.channels).map(([channel, n]) => ({ label: channelName(channel, lang), value: n }));
  // The bars (and the timeline) count every contact, the brand's replies too: said, so "3 posts" above and "Twitter 5"
  // here do not read as a contradiction.
  const replies = subject.events.some((e) => e.direction === 'outbound');
  if (channels.some((c) => c.value > 0)) lines.push(`${replies ? l.byChannelWithReplies : l.byChannel}:`, '', { kind: 'bars', rows: channels });
  const timeline = timelineChart(subject, l, lang);
  return timeline ? [...lines, '', timeline] : lines;
}

/**
 * Contacts per month (quarter or year for a long history), the customer's complaints among them, and the world
 * events (context notes) that touched that bucket, so a spike of complaints is read next to what was happening.
 */
function timelineChart(subject: ProfiledCustomer, l: ReturnType<typeof labels>, lang: ReportLang): TimelineChart | null {
  const dated = subject.events.filter((e) => e.at && e.direction !== 'internal');
  const buckets = timeBuckets(dated.map((e) => e.at!));
  if (buckets.labels.length === 0) return null;
  const rows = buckets.labels.map((label) => ({ label: period(label, lang), value: 0, highlight: 0, notes: new Set<string>() }));
  for (const event of dated) {
    const row = rows[buckets.indexOf(event.at!)]!;
    row.value += 1;
    if (event.direction === 'inbound' && event.annotations.some((a) => a.by.kind === 'rule' && subject.signals.is('pain', a.code))) row.highlight += 1;
    for (const a of event.annotations.filter((x) => x.code === 'context')) row.notes.add(`${clip(a.quote ?? '', 60)} (${a.source.file}:${a.source.line})`);
  }
  return { kind: 'timeline', title: l.timeline, unit: buckets.unit, highlightLabel: l.complaints, buckets: rows.map((r) => ({ ...r, notes: [...r.notes] })) };
}

/** What a review is about, when the export names it: two reviews by one customer may be of different products. */
const about = (event: Event, lang: ReportLang): string => (event.product ? ` ${lang === 'de' ? 'zu' : 'of'} ${mdText(event.product)}` : '');

function voiceSection(subject: ProfiledCustomer, l: ReturnType<typeof labels>, lang: ReportLang): string[] {
  const quotes = voice(subject);
  if (quotes.length === 0) return [l.noVoice];
  return quotes.flatMap((event) => {
    // Reviews and survey answers say so: they are public verdicts or answers to our question, not messages to us.
    const kind = event.kind === 'review' || event.kind === 'survey' ? `${word(event.kind, lang)}${about(event, lang)}, ` : '';
    const rating = event.rating ? `, ${ratingText(event.rating, lang)}` : '';
    // A text in a language thick does not read has no tone to show: the score would be a guess from its emoji.
    const tone = event.sentiment && event.lang !== 'other' ? `, ${event.rating ? l.textReads : ''}${word(event.sentiment.label, lang)} ${num(event.sentiment.score, lang, 2)}` : '';
    const lines = [`> ${inline(event.text!, 400)}`, `> — ${kind}${provenance(event, lang)}${rating}${tone}`];
    if (toneDisagrees(event)) {
      lines.push(`>`, `> ⚠ ${l.disagrees.replace('{text}', word(event.sentiment!.label, lang)).replace('{rating}', word(ratingTone(event.rating!), lang))}`);
    }
    return [...lines, ''];
  });
}

function themesSection(subject: ProfiledCustomer, options: ReportOptions, l: ReturnType<typeof labels>): string[] {
  const hits = subject.events.flatMap((event) => event.annotations.filter((a) => a.code !== 'context' && a.code !== 'note' && !isReading(a)).map((annotation) => ({ event, annotation })));
  if (hits.length === 0) return [l.noThemes];
  const byCategory = new Map<string, Map<string, typeof hits>>();
  for (const hit of hits) {
    const category = categoryOf(options.codes, hit.annotation.code);
    const codes = byCategory.get(category) ?? new Map();
    const list = codes.get(hit.annotation.code);
    if (list) list.push(hit);
    else codes.set(hit.annotation.code, [hit]);
    byCategory.set(category, codes);
  }
  const categories = [...byCategory.keys()].sort((a, b) => rank(a) - rank(b) || byCodePoint(a, b));
  const lines: string[] = [];
  for (const category of categories) {
    lines.push(`### ${heading(categoryTitle(category, options.lang))}`, '');
    for (const [code, codeHits] of byCategory.get(category)!) {
      // Analyst evidence before machine evidence: people's judgement is shown first.
      const sorted = [...codeHits].sort((a, b) => Number(b.annotation.by.kind === 'analyst') - Number(a.annotation.by.kind === 'analyst'));
      lines.push(`- **${mdText(codeLabel(options.codes, code, options.lang))}** (${codeSpan(code)}, ${codeHits.length}×)`);
      for (const { event, annotation } of sorted.slice(0, 3)) {
        lines.push(`  - ${quote(inline(annotation.quote ?? event.text ?? '', 200), options.lang)} — ${cite(annotation.source)}, ${day(event.at, options.lang)} (${codedBy(annotation, l, options.lang)})`);
      }
    }
    lines.push('');
  }
  return lines;
}

/**
 * Who coded a quote: "rule pain.waiting/word:…", "analyst Mara Lind"; German credits a colleague's note, "Notiz von
 * Mara Lind". A note without an author is credited to analysts as such (ingest names them "analyst").
 */
function codedBy(annotation: Annotation, l: ReturnType<typeof labels>, lang: ReportLang): string {
  if (annotation.by.kind === 'analyst' && annotation.by.id === 'analyst') return l.analystNote;
  return `${word(annotation.by.kind, lang)} ${mdText(annotation.by.id)}`;
}

const rank = (category: string): number => {
  const i = CATEGORY_ORDER.indexOf(category);
  return i < 0 ? CATEGORY_ORDER.length : i;
};

function dialogSection(subject: ProfiledCustomer, l: ReturnType<typeof labels>, lang: ReportLang): string[] {
  const { dialog, sentiment, tone } = subject.profile;
  const lines = [
    `| ${l.inbound} | ${l.outbound} | ${l.answered} | ${l.unanswered} | ${l.medianResponse} |`,
    '|---:|---:|---:|---:|---:|',
    `| ${dialog.inbound} | ${dialog.outbound} | ${dialog.answered} | ${dialog.unanswered} | ${minutes(dialog.medianResponseMinutes, lang)} |`,
    '',
  ];
  const notes = [
    dialog.answeredTimeUnknown > 0 && l.answeredTimeUnknown.replace('{n}', String(dialog.answeredTimeUnknown)),
    dialog.noReplyExpected > 0 && (subject.run.repliesKnown ? l.noReplyExpected : l.repliesUnknown).replace('{n}', String(dialog.noReplyExpected)),
    dialog.noReplyNeeded > 0 && l.noReplyNeeded.replace('{n}', String(dialog.noReplyNeeded)),
  ].filter((line): line is string => typeof line === 'string');
  for (const note of notes) lines.push(`- ${note}`);
  lines.push('', `${l.sentiment}: ${sentiment.mean === null ? l.unknown : `${num(sentiment.mean, lang, 2)} (${sampleSize(sentiment.n, lang)})`}`);
  // The tone judgements use, which counts a rated record by its rating: said as such, beside the text's reading.
  if (tone.fromRatings > 0 && tone.mean !== null) {
    const by = tone.fromRatings < tone.n ? l.fromRatings.replace('{n}', String(tone.fromRatings)) : tone.n === 1 ? l.fromRatingOnly : l.fromRatingsAll;
    lines.push('', `${l.tone}: ${num(tone.mean, lang, 2)} (${sampleSize(tone.n, lang)}, ${by})`);
  }
  lines.push(...repliesListed(subject, l, lang));
  // Newest first: the latest open message is the one the customer most likely still waits on; undated last.
  const open = stillOpen(subject.exchanges, subject.openSince)
    .map((x) => x.message)
    .sort((a, b) => (b.at?.getTime() ?? -Infinity) - (a.at?.getTime() ?? -Infinity) || byRecord(a, b));
  if (open.length > 0) {
    lines.push('', `**${l.unansweredQuestions}:**`, '');
    for (const message of open.slice(0, OPEN_LISTED)) lines.push(`- ${quote(inline(message.text ?? '', 160), lang)} — ${provenance(message, lang)}`);
    if (open.length > OPEN_LISTED) lines.push(`- … ${andMore(open.length - OPEN_LISTED, lang)}`);
  }
  const stale = dialog.unanswered - dialog.settled - open.length;
  if (stale > 0) lines.push('', l.staleUnanswered.replace('{n}', String(stale)).replace('{date}', day(subject.openSince, lang)));
  for (const x of subject.exchanges.filter((e) => e.settledBy)) {
    const by = x.settledBy!;
    const message = quote(inline(x.message.text ?? '', 120), lang);
    const settler = `${quote(inline(by.quote, 120), lang)} (${provenance(by.event, lang)})`;
    lines.push('', l.settled.replace('{message}', () => message).replace('{by}', () => settler));
  }
  return lines;
}

/** At most this many answered messages are shown with the brand's reply; the rest are in the figures. */
export const REPLIES_LISTED = 5;

/**
 * The brand's replies beside the messages they answer, newest first: what the brand already said (a promise, an
 * apology, a fix) is part of the conversation the next contact continues. Reply text is data, escaped like the
 * customer's.
 */
function repliesListed(subject: ProfiledCustomer, l: ReturnType<typeof labels>, lang: ReportLang): string[] {
  const answered = subject.exchanges
    .filter((x) => x.reply)
    .sort((a, b) => (b.message.at?.getTime() ?? -Infinity) - (a.message.at?.getTime() ?? -Infinity) || byRecord(a.message, b.message));
  if (answered.length === 0) return [];
  const lines = ['', `**${l.replies}:**`, ''];
  for (const { message, reply, minutes: after } of answered.slice(0, REPLIES_LISTED)) {
    const said = reply!.text?.trim() ? quote(inline(reply!.text, 300), lang) : l.replyWithoutText;
    const when = after !== null && after >= 0 ? `, ${l.after} ${minutes(after, lang)}` : '';
    lines.push(`- ${quote(inline(message.text ?? '', 160), lang)} — ${provenance(message, lang)}`, `  - ↳ ${said} — ${provenance(reply!, lang)}${when}`);
  }
  if (answered.length > REPLIES_LISTED) lines.push(`- … ${andMore(answered.length - REPLIES_LISTED, lang)}`);
  return lines;
}

/** At most this many analyst notes and world events are listed in a report; the rest are counted. */
export const NOTES_LISTED = 10;

/** A list cut at `max` items, with "… and N more" for the rest: a report stays a few screens long. */
function listedAtMost(items: string[], max: number, lang: ReportLang): string[] {
  return items.length > max ? [...items.slice(0, max), `- … ${andMore(items.length - max, lang)}`] : items;
}

function contextSection(subject: ProfiledCustomer, l: ReturnType<typeof labels>, lang: ReportLang): string[] {
  // Newest first: the latest note is the one the next conversation builds on; undated last.
  const notes = subject.events.filter((e) => e.kind === 'note').sort((a, b) => (b.at?.getTime() ?? -Infinity) - (a.at?.getTime() ?? -Infinity) || byRecord(a, b));
  const lines: string[] = [`**${l.analystNotes}**`, ''];
  if (notes.length === 0) lines.push(l.noNotes);
  const noteLines = notes.map((note) => {
    // Analysts' codes as they wrote them (readings are thick's, not theirs); their names and codes are data too.
    const codes = note.annotations.filter((a) => !isReading(a)).map((a) => codeSpan(a.code)).join(' ');
    return `- ${day(note.at, lang)}, ${note.author ? mdText(note.author) : l.noteAuthor}: ${inline(note.text ?? '', 500)} ${codes} (${cite(note.source)})`;
  });
  lines.push(...listedAtMost(noteLines, NOTES_LISTED, lang));
  const world = new Map<string, { quote: string; cite: string; events: Event[] }>();
  for (const event of subject.events) {
    for (const a of event.annotations.filter((x) => x.code === 'context')) {
      const key = cite(a.source);
      const entry = world.get(key) ?? { quote: a.quote ?? '', cite: key, events: [] };
      entry.events.push(event);
      world.set(key, entry);
    }
  }
  if (world.size > 0) {
    const worldLines = [...world.values()].map((entry) => {
      const during = entry.events.slice(0, 5).map((e) => `${word(e.kind, lang)} ${day(e.at, lang)} (${cite(e.source)})`);
      if (entry.events.length > 5) during.push(andMore(entry.events.length - 5, lang));
      return `- ${inline(entry.quote, 200)} (${entry.cite}): ${during.join(', ')}`;
    });
    lines.push('', `**${l.worldEvents}**`, '', ...listedAtMost(worldLines, NOTES_LISTED, lang));
  }
  return lines;
}

function relationshipSection(subject: ProfiledCustomer, l: ReturnType<typeof labels>, lang: ReportLang): string[] {
  const { profile } = subject;
  const lines = [`${l.stage}: **${stageName(profile.stage, lang)}**, ${l.because}:`, '', ...subject.findings.stage.map((f) => `- ${mdText(say(f, lang))}`)];
  // With several ratings, their mean and trend explain the stage; a single one is already under Who.
  if (profile.rating && profile.rating.n > 1) lines.push('', `${l.ratings}: ${ratingLine(profile.rating, l, lang)}`);
  return lines;
}

/** One customer's insight report as blocks, sections as PRODUCT.md lists them. */
export function customerPage(subject: ProfiledCustomer, options: ReportOptions): Block[] {
  const { before, after } = customerPageAround(subject, options);
  return [...before, ...blindSpotsSection(subject.findings.blindSpots, options.sharedGaps ?? [], options.lang), ...after];
}

/**
 * A customer's page as the blocks before and after its blind-spot list, the one part that needs the run's shared
 * gaps. The list's own blank lines stay outside it, so the list is only its items (or the line saying there are none).
 */
export function customerPageAround(subject: ProfiledCustomer, options: Omit<ReportOptions, 'sharedGaps'>): { before: Block[]; after: Block[] } {
  const l = labels(options.lang);
  const { profile } = subject;
  // Names are entity-decoded at ingest: "Kim &lt;img …&gt;" arrives as a live tag unless escaped here.
  const title = heading(profile.name ?? profile.id);
  const sections: [string, Block[]][] = [
    [l.who, whoSection(subject, l, options.lang)],
    [l.numbers, numbersSection(subject, l, options.lang)],
    [l.voice, voiceSection(subject, l, options.lang)],
    [l.themes, themesSection(subject, options, l)],
    [l.dialog, dialogSection(subject, l, options.lang)],
    [l.relationship, relationshipSection(subject, l, options.lang)],
    [l.context, contextSection(subject, l, options.lang)],
  ];
  const next: Block[] = nextConversation(subject, options.codes, options.lang).map((o, i) => `${i + 1}. ${o}`);
  const why = mdText(subject.findings.attention.map((f) => say(f, options.lang)).join(', '));
  // The portrait first: who this is, what moves them, what to do next; the sections below hold the evidence.
  const { who, moves, next: nextStep } = portrait(subject, options.codes, options.lang);
  const header = [`# ${title}`, '', who, '', moves, '', nextStep, '', `${l.reportOf} · ${l.stage}: **${stageName(profile.stage, options.lang)}** · ${l.attention}: ${num(profile.attention, options.lang, 2)}${why ? ` (${why})` : ''}`, ''];
  const body = sections.flatMap(([heading, lines], i) => section(i + 1, heading, lines));
  const blindSpotsAt = sections.length + 1;
  return {
    before: [...header, ...body, `## ${blindSpotsAt}. ${l.blindSpots}`, ''],
    after: ['', ...section(blindSpotsAt + 1, l.nextConversation, next), GENERATED_MARK],
  };
}

/** A numbered section: its heading, its lines without trailing blank ones, and the blank line that ends it. */
const section = (n: number, title: string, lines: Block[]): Block[] => [`## ${n}. ${title}`, '', ...trimBlank(lines), ''];

/** One customer's insight report as Markdown. */
export function renderCustomerReport(subject: ProfiledCustomer, options: ReportOptions): string {
  return pageMarkdown(customerPage(subject, options));
}

function trimBlank(lines: Block[]): Block[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1] === '') end--;
  return lines.slice(0, end);
}
