import type { EventKind, RatingScale } from '../../model.js';
import type { ColumnMapping } from '../mapping.js';
import { normaliseHeader, type Preset } from '../preset.js';
import { columnsFor, REPLY_WORDS } from '../synonyms.js';

/** Ids that name a help-desk ticket or case, not a review. */
const TICKET_IDS = ['ticket id', 'ticket', 'case id', 'case number', 'ticketnummer', 'vorgangsnummer'];

/** Header words of an export of survey answers rather than public reviews. */
const SURVEY_WORDS = /survey|umfrage|befragung|questionnaire|fragebogen|nps|csat/;

/**
 * Public review or survey answer? A review is said in public about the brand (app stores, review sites, a shop's
 * product reviews); a survey answer replies to a question the brand asked. NPS and CSAT are survey questions by
 * definition, and so is a rating tied to one order: the shop asked for it after the purchase. Olist's "reviews"
 * are exactly that: Olist e-mails a satisfaction survey after delivery (review_creation_date is when it was sent,
 * review_answer_timestamp when the customer answered, order_id the order it asks about), and the answers are not
 * published anywhere.
 */
export function reviewsOrSurvey(header: string[], mapping: ColumnMapping, scale: RatingScale | null): EventKind {
  if (scale === 'nps' || scale === 'csat') return 'survey';
  if (header.some((h) => SURVEY_WORDS.test(normaliseHeader(h)))) return 'survey';
  return mapping.orderId !== undefined ? 'survey' : 'review';
}

/**
 * Any export of reviews or survey answers: a rating and a text (title and body), who wrote it, when, and the
 * brand's public reply if the export has one. "Response" and "Antwort" are the brand's reply here.
 */
export const reviews: Preset = {
  id: 'reviews',
  kind: 'reviews',
  description: 'Generic reviews or survey answers: rating (stars, NPS, CSAT, grade, thumbs), title, text, author, date, reply',
  columns: columnsFor(
    ['messageId', 'crmId', 'email', 'handle', 'altId', 'name', 'orderId', 'date', 'channel', 'platform', 'rating', 'subject', 'text', 'reply', 'firstReplyAt', 'kind'],
    { name: ['author', 'autor', 'verfasser', 'rezensent'], reply: REPLY_WORDS },
    // A ticket number makes a file a help desk's, even when its tickets carry a satisfaction rating.
    { text: REPLY_WORDS, messageId: TICKET_IDS },
  ),
  requires: [['rating'], ['text', 'subject']],
  priority: 1,
  channel: 'review',
  recordKind: reviewsOrSurvey,
};
