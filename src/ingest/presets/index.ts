import type { Preset } from '../preset.js';
import { contacts } from './contacts.js';
import { orders } from './orders.js';
import { tickets } from './tickets.js';
import { social } from './social.js';
import { notes } from './notes.js';
import { messages } from './messages.js';
import { hubspotContacts } from './hubspot-contacts.js';
import { salesforceContacts } from './salesforce-contacts.js';
import { salesforceCases } from './salesforce-cases.js';
import { zendeskTickets } from './zendesk-tickets.js';
import { shopifyOrders } from './shopify-orders.js';
import { onlineRetail } from './online-retail.js';
import { twitterSupport } from './twitter-support.js';
import { instagramComments } from './instagram-comments.js';
import { facebookComments } from './facebook-comments.js';
import { amazonReviews } from './amazon-reviews.js';
import { googlePlayReviews } from './google-play-reviews.js';
import { reviews } from './reviews.js';

/**
 * Every preset thick knows, most specific first. Add a format by adding a file and listing it here. Vendor presets
 * name only their vendor's own headers and have priority 10, so they win a tie with the generic ones they resemble.
 */
export const PRESETS: readonly Preset[] = [
  hubspotContacts,
  salesforceContacts,
  salesforceCases,
  zendeskTickets,
  shopifyOrders,
  onlineRetail,
  twitterSupport,
  instagramComments,
  facebookComments,
  amazonReviews,
  googlePlayReviews,
  notes,
  reviews,
  tickets,
  orders,
  social,
  contacts,
  messages,
];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
