import type { Preset } from '../preset.js';

/**
 * Instagram comments as the Graph API returns them, flattened to a table (the usual shape of comment exporters):
 * id, media_id, username, text, timestamp ("2024-03-06T07:45:12+0000"), like_count, and parent_id on replies.
 * The export does not say which comments are the brand's own: name the account with --brand.
 */
export const instagramComments: Preset = {
  id: 'instagram-comments',
  kind: 'social',
  description: 'Instagram comments (Graph API fields): id, media_id, username, text, timestamp, parent_id',
  columns: {
    messageId: ['id', 'comment_id'],
    handle: ['username', 'from_username'],
    text: ['text'],
    date: ['timestamp'],
    replyTo: ['parent_id', 'replied_to'],
  },
  // Graph API field names: id, username, text and timestamp together.
  requires: [['messageId'], ['handle'], ['text'], ['date']],
  priority: 10,
  channel: 'instagram',
};
