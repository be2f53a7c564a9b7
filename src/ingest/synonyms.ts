import type { Field } from './preset.js';

// Header names seen in English and German exports, per canonical field. Presets start from these and add their
// vendor's own names. Spelling variants collapse under normaliseHeader, so "E-Mail" and "email" are one entry.
export const SYNONYMS: Record<Field, string[]> = {
  // Columns that name a person. Most specific first: Olist's customer_unique_id is the person, its customer_id one
  // order's alias of them. A bare "Id" is no synonym here: whether it is the person or the record is decided per
  // file (settleBareId in mapping.ts).
  crmId: [
    'customer unique id', 'customer id', 'customerid', 'customer no', 'customer number', 'contact id', 'record id', 'client id',
    'account id', 'user id', 'member id', 'author id', 'reviewer id', 'requester id', 'profile id', 'buyer id', 'customer key',
    'kunden-id', 'kundennummer', 'kundennr', 'kunde id', 'datensatz-id', 'kontakt-id', 'nutzer-id', 'benutzer-id', 'mitglieds-id',
    'mitgliedsnummer', 'autor-id', 'verfasser-id', 'käufer-id',
  ],
  email: [
    'email', 'e-mail', 'email address', 'e-mail-adresse', 'mail', 'requester email', 'customer email', 'contact email',
    'kunden-e-mail', 'emailadresse',
  ],
  handle: ['username', 'user name', 'handle', 'screen name', 'user', 'author handle', 'account', 'benutzername', 'nutzername', 'profile'],
  // Read only when another column already holds the person's main id (see crmId).
  altId: ['customer id', 'kunden-id', 'alternative id', 'alt id', 'legacy id', 'previous id', 'old customer id', 'alte kundennummer'],
  name: [
    'name', 'full name', 'customer name', 'contact name', 'requester', 'kunde', 'kundenname', 'vollständiger name', 'profile name',
    'display name', 'author name', 'reviewer', 'reviewer name', 'anzeigename',
  ],
  firstName: ['first name', 'firstname', 'given name', 'vorname'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'nachname'],
  phone: ['phone', 'phone number', 'telephone', 'mobile', 'telefon', 'telefonnummer', 'mobilnummer', 'handy'],
  city: ['city', 'town', 'customer city', 'stadt', 'ort', 'wohnort'],
  country: ['country', 'land'],
  crmStage: ['stage', 'lifecycle stage', 'lead status', 'status crm', 'lebenszyklusphase', 'phase'],
  created: ['created', 'created at', 'create date', 'created date', 'signup date', 'erstellt', 'erstellungsdatum', 'angelegt am', 'registriert'],
  // The time of the record. A survey answer's time is when it was answered (Olist's review_answer_timestamp), not
  // when the survey was sent; an order's when it was placed.
  date: [
    'date', 'timestamp', 'time', 'at', 'created at', 'posted at', 'order date', 'invoice date', 'review date', 'review time',
    'submitted at', 'answered at', 'answer timestamp', 'review answer timestamp', 'order purchase timestamp', 'purchase timestamp',
    'purchase date', 'datum', 'zeitstempel', 'bestelldatum', 'rechnungsdatum', 'kaufdatum', 'erstellt am', 'veröffentlicht',
    'gepostet am', 'bewertungsdatum', 'eingereicht am',
  ],
  until: ['until', 'end', 'end date', 'to', 'bis', 'enddatum'],
  orderId: ['order id', 'order', 'order number', 'order no', 'invoice', 'invoice no', 'invoice number', 'bestellnummer', 'bestellung', 'auftragsnummer', 'rechnungsnummer'],
  quantity: ['quantity', 'qty', 'units', 'menge', 'anzahl', 'stück', 'stueck'],
  unitPrice: ['unit price', 'price', 'item price', 'einzelpreis', 'preis', 'stückpreis'],
  amount: ['amount', 'total', 'revenue', 'order total', 'value', 'betrag', 'summe', 'gesamtbetrag', 'umsatz', 'gesamt'],
  product: ['product', 'item', 'description', 'sku', 'article', 'artikel', 'produkt', 'artikelbezeichnung'],
  channel: ['channel', 'source', 'via', 'kanal', 'quelle'],
  platform: ['platform', 'network', 'plattform', 'netzwerk'],
  inbound: ['inbound', 'incoming', 'eingehend'],
  direction: ['direction', 'message direction', 'sender type', 'author type', 'from type', 'richtung', 'absendertyp'],
  kind: ['type', 'kind', 'record type', 'event type', 'activity type', 'interaction type', 'typ', 'art', 'vorgangsart', 'aktivitätstyp'],
  // Most specific first: a file with both "Comment" and "Post" has the customer's words in "Comment". The survey
  // words at the end name the customer's answer in a survey, but the brand's reply in a help desk (see REPLY_WORDS).
  text: [
    'text', 'message', 'body', 'content', 'comment', 'comment text', 'description', 'feedback', 'review', 'nachricht', 'inhalt',
    'kommentar', 'beschreibung', 'bewertung', 'comments', 'comment body', 'message text', 'message body', 'review text',
    'feedback text', 'verbatim', 'remarks', 'tweet', 'tweet text', 'full text', 'post text', 'post', 'caption', 'freitext',
    'anmerkung', 'anmerkungen', 'bemerkung', 'bemerkungen', 'kommentare', 'kommentartext', 'nachrichtentext',
    'rückmeldung', 'beitragstext', 'review comment message', 'comment message', 'review body', 'review content', 'rezension',
    'bewertungstext', 'erfahrungsbericht', 'answer', 'antwort', 'response',
  ],
  subject: [
    'subject', 'title', 'topic', 'summary', 'headline', 'review title', 'comment title', 'review comment title', 'betreff', 'titel',
    'thema', 'überschrift', 'zusammenfassung',
  ],
  status: ['status', 'state', 'ticket status', 'order status', 'zustand', 'bestellstatus'],
  messageId: [
    'message id', 'comment id', 'post id', 'tweet id', 'ticket id', 'ticket', 'case id', 'case number', 'review id', 'feedback id',
    'response id', 'survey response id', 'nachrichten-id', 'kommentar-id', 'ticketnummer', 'vorgangsnummer', 'bewertungs-id',
  ],
  replyTo: ['in reply to', 'reply to', 'parent id', 'parent comment id', 'in response to', 'antwort auf', 'bezug'],
  firstReplyAt: [
    'first reply at', 'first response at', 'first replied at', 'replied at', 'reply date', 'reply time', 'response date',
    'erste antwort am', 'erste antwort', 'beantwortet am', 'antwortdatum',
  ],
  firstReplyMinutes: ['first reply time in minutes', 'first reply minutes', 'first response minutes', 'erste antwortzeit in minuten'],
  // The brand's answer written beside a review or survey answer. "Response" and "Antwort" are in REPLY_WORDS: the
  // brand's words in a review or help-desk export, the customer's in a survey.
  reply: [
    'reply', 'reply text', 'reply content', 'company response', 'company reply', 'developer reply', 'developer response',
    'owner response', 'owner reply', 'merchant reply', 'merchant response', 'seller response', 'brand reply', 'official reply',
    'antwort des unternehmens', 'antwort des händlers', 'antwort des anbieters', 'händlerantwort', 'unternehmensantwort',
    'anbieterantwort', 'stellungnahme', 'kommentar des unternehmens',
  ],
  replies: ['response tweet id', 'response ids', 'reply ids', 'replies'],
  author: ['author', 'analyst', 'by', 'written by', 'autor', 'verfasser', 'erfasst von'],
  codes: ['codes', 'code', 'tags', 'labels', 'kategorien'],
  // Whether a column holds stars, NPS, CSAT, a grade or thumbs is decided from these names and its values
  // (ratings.ts). Counts of votes (thumbsUpCount, HelpfulnessNumerator, like_count) are never ratings and are
  // named nowhere here.
  rating: [
    'rating', 'stars', 'star rating', 'score', 'review score', 'rating score', 'overall rating', 'rating value', 'review rating',
    'nps', 'nps score', 'net promoter score', 'likelihood to recommend', 'recommend', 'csat', 'csat score', 'satisfaction',
    'satisfaction score', 'satisfaction rating', 'thumbs', 'thumb', 'sterne', 'sternebewertung', 'anzahl sterne', 'punkte', 'note',
    'gesamtnote', 'schulnote', 'weiterempfehlung', 'weiterempfehlungsbereitschaft', 'zufriedenheit', 'bewertung zufriedenheit',
    'daumen',
    // Last: a German "Bewertung" is as often the review's text as its stars; its values decide.
    'gesamtbewertung', 'bewertung',
  ],
  instagram: ['instagram', 'instagram handle', 'instagram-handle', 'instagram username', 'instagram account'],
  twitter: ['twitter', 'twitter handle', 'twitter username', 'x handle', 'x', 'twitter-handle'],
  facebook: ['facebook', 'facebook profile', 'facebook name', 'facebook-profil'],
  label: ['label', 'sentiment', 'polarity', 'gold', 'gold label', 'sentiment label', 'stimmung', 'polarität', 'tonalität', 'bewertung stimmung'],
};

/**
 * Text headers that name the customer's words in a survey export but the brand's reply in a help desk or a social
 * inbox; presets of those kinds leave them out of their text column.
 */
export const REPLY_WORDS = ['answer', 'antwort', 'response'];

/** The synonym lists for some fields, extended by a preset's own names and less the `without` ones. */
export function columnsFor(
  fields: Field[],
  extra: Partial<Record<Field, string[]>> = {},
  without: Partial<Record<Field, string[]>> = {},
): Partial<Record<Field, string[]>> {
  const columns: Partial<Record<Field, string[]>> = {};
  for (const field of fields) {
    const excluded = new Set(without[field] ?? []);
    columns[field] = [...(extra[field] ?? []), ...SYNONYMS[field].filter((name) => !excluded.has(name))];
  }
  for (const [field, names] of Object.entries(extra) as [Field, string[]][]) {
    if (!columns[field]) columns[field] = names;
  }
  return columns;
}
