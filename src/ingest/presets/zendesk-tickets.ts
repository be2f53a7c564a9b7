import type { Preset } from '../preset.js';

/**
 * Zendesk Support's CSV ticket export (Admin → Account → Tools → Reports → Export). Its "Id" is the ticket number, so
 * never a customer; "Requester external id" is the one that holds a CRM id. "Requester id" is Zendesk's own user id:
 * not the customer's key (the email joins other exports), and never a CRM id (Zendesk user 3612 is not CRM contact
 * 3612), but an alias, learnt where a ticket gives it beside the requester's external id. The built-in CSV has no ticket text (comments are only in the JSON/XML export), so
 * "Description" is read when an export adds it (Explorer, apps) and the subject stands in otherwise.
 */
export const zendeskTickets: Preset = {
  id: 'zendesk-tickets',
  kind: 'tickets',
  description: 'Zendesk ticket CSV export: Id, Requester, Requester email, Created at, Via, Subject, Status, First reply time in minutes',
  columns: {
    messageId: ['Id', 'Ticket ID'],
    crmId: ['Requester external id'],
    altId: ['Requester id'],
    email: ['Requester email', 'Requester Email'],
    name: ['Requester', 'Requester name'],
    date: ['Created at', 'Ticket created - Timestamp'],
    channel: ['Via', 'Ticket channel'],
    subject: ['Subject', 'Ticket subject'],
    text: ['Description', 'Ticket description'],
    status: ['Status', 'Ticket status'],
    // Good / Bad (a thumbs rating); Offered and Unoffered mean the customer gave none.
    rating: ['Satisfaction Score', 'Ticket satisfaction rating'],
    firstReplyMinutes: ['First reply time in minutes', 'First reply time (min)'],
  },
  requires: [['messageId'], ['email', 'crmId', 'name'], ['subject', 'text'], ['channel', 'rating', 'firstReplyMinutes']],
  priority: 10,
  channel: 'email',
};
