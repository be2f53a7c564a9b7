import type { Preset } from '../preset.js';
import { columnsFor, REPLY_WORDS } from '../synonyms.js';

/** Comments and mentions from social networks: author handle, time, text, and the comment they reply to. */
export const social: Preset = {
  id: 'social',
  kind: 'social',
  description: 'Generic social comments: comment id, platform, username, time, text, in reply to',
  columns: columnsFor(['messageId', 'platform', 'handle', 'date', 'text', 'replyTo', 'replies', 'inbound', 'direction'], {}, { text: REPLY_WORDS }),
  requires: [['handle'], ['text']],
  priority: 0,
  channel: 'social',
};
