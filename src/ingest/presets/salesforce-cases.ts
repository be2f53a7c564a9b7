import type { Preset } from '../preset.js';

/**
 * Salesforce cases, as a Cases report exported "Details Only". Salesforce has no standard first-response field on a
 * case (with Entitlement Management it is a "First Response" milestone, reported one row per milestone), so many orgs
 * add a custom date field for it; a column named like that becomes the brand's reply. Without it a case carries no
 * reply at all.
 */
export const salesforceCases: Preset = {
  id: 'salesforce-cases',
  kind: 'tickets',
  description: 'Salesforce cases report: Case Number, Contact Email, Date/Time Opened, Case Origin, Subject, Description, Status',
  columns: {
    messageId: ['Case Number', 'Fallnummer'],
    crmId: ['Contact ID', 'Kontakt-ID'],
    email: ['Contact Email', 'Web Email', 'Kontakt: E-Mail', 'Web-E-Mail'],
    name: ['Contact Name', 'Web Name', 'Kontaktname'],
    date: ['Date/Time Opened', 'Opened Date', 'Created Date', 'Datum/Uhrzeit der Eröffnung', 'Eröffnungsdatum'],
    channel: ['Case Origin', 'Fallursprung'],
    subject: ['Subject', 'Betreff'],
    text: ['Description', 'Beschreibung'],
    status: ['Status'],
    firstReplyAt: ['First Response', 'First Response Date', 'First Response Date/Time', 'First Response Time', 'Erste Antwort'],
  },
  requires: [['messageId'], ['subject', 'text'], ['email', 'crmId', 'name'], ['date', 'channel']],
  priority: 10,
  channel: 'email',
};
