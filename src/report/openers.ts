import type { Annotation, Event } from '../model.js';
import type { ProfiledCustomer } from '../profile/index.js';
import { codeLabel, type CodeInfo } from './codes.js';
import { cite, day, inline, quote } from './format.js';
import type { ReportLang } from './i18n.js';

interface Found {
  event: Event;
  annotation: Annotation;
}

/** Coded evidence, the customer's own words before analysts' notes, newest first. */
function found(events: readonly Event[], prefix: string): Found[] {
  const hits: Found[] = [];
  for (const event of events) {
    if (event.direction === 'outbound') continue;
    for (const annotation of event.annotations) if (annotation.code.startsWith(prefix)) hits.push({ event, annotation });
  }
  const own = (hit: Found) => (hit.event.direction === 'inbound' ? 0 : 1);
  return hits.sort((a, b) => own(a) - own(b) || (b.event.at?.getTime() ?? 0) - (a.event.at?.getTime() ?? 0));
}

const quoted = (hit: Found, lang: ReportLang): string =>
  `${quote(inline(hit.annotation.quote ?? hit.event.text ?? '', 120), lang)} (${cite(hit.annotation.source)}, ${day(hit.event.at)})`;

/**
 * Two or three conversation openers, each grounded in a piece of evidence from the report: an open question
 * first (dialog before broadcasting), then a pain to acknowledge, a wish or life event to pick up, a role to honour.
 */
export function nextConversation(subject: ProfiledCustomer, codes: ReadonlyMap<string, CodeInfo>, lang: ReportLang): string[] {
  const de = lang === 'de';
  const openers: string[] = [];
  const open = subject.exchanges.filter((x) => !x.reply && !x.closing && x.message.text).sort((a, b) => (b.message.at?.getTime() ?? 0) - (a.message.at?.getTime() ?? 0))[0];
  if (open) {
    const text = `${quote(inline(open.message.text!, 120), lang)} (${cite(open.message.source)}, ${day(open.message.at)})`;
    openers.push(de ? `Zuerst antworten: ${text} ist noch offen. Für die Wartezeit entschuldigen, dann wirklich darauf eingehen.` : `Answer first: ${text} is still open. Apologise for the wait, then actually answer it.`);
  }
  const pain = found(subject.events, 'pain.')[0];
  if (pain) {
    const label = codeLabel(codes, pain.annotation.code, lang);
    openers.push(de ? `${quote(label, lang)} ansprechen: ${quoted(pain, lang)}. Fragen, womit wir es wiedergutmachen können, statt einen Standardgutschein zu schicken.` : `Acknowledge ${quote(label, lang)}: ${quoted(pain, lang)}. Ask what would make it right rather than sending a standard voucher.`);
  }
  const wish = found(subject.events, 'longing.')[0] ?? found(subject.events, 'dialog.suggestion')[0];
  if (wish) {
    openers.push(de ? `Den Wunsch aufgreifen: ${quoted(wish, lang)}. Erzählen, was daraus geworden ist, oder zum Mitgestalten einladen.` : `Pick up their wish: ${quoted(wish, lang)}. Tell them what became of it, or invite them to shape it with you.`);
  }
  const life = found(subject.events, 'life.')[0];
  if (life) {
    const label = codeLabel(codes, life.annotation.code, lang);
    openers.push(de ? `Nachfragen, wie es inzwischen geht (${label}): ${quoted(life, lang)}.` : `Ask how things are going (${label}): ${quoted(life, lang)}.`);
  }
  const role = found(subject.events, 'role.')[0];
  if (role) {
    const label = codeLabel(codes, role.annotation.code, lang);
    openers.push(de ? `Die Rolle würdigen (${label}): ${quoted(role, lang)}. Danken und fragen, ob Lust auf mehr davon besteht.` : `Honour the role they took (${label}): ${quoted(role, lang)}. Thank them and ask whether they would like to do more of it.`);
  }
  if (openers.length === 0) {
    openers.push(
      de
        ? 'Eine offene Frage stellen: Wir haben noch kaum eigene Worte von dieser Person. Was hat sie zu uns geführt?'
        : 'Ask an open question: we have hardly any words of their own yet. What brought them to us?',
    );
  }
  return openers.slice(0, 3);
}
