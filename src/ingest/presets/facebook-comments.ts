import type { Preset } from '../preset.js';

/**
 * Facebook page comments as comment exporters write them from the Graph API's comment fields (id, from{id,name},
 * message, created_time, parent{id}). The author's profile link (or page-scoped id) is the handle that joins them to a
 * contact's Facebook column; the name alone is not unique, so a comment without a profile is rejected.
 * The brand's own page replies are told apart with --brand <page profile name>.
 */
export const facebookComments: Preset = {
  id: 'facebook-comments',
  kind: 'social',
  description: 'Facebook comments: Comment ID, Parent Comment ID, Author Name, Author Profile, Message, Created Time',
  columns: {
    messageId: ['Comment ID'],
    replyTo: ['Parent Comment ID', 'Parent ID'],
    name: ['Author Name', 'From Name'],
    handle: ['Author Profile', 'Author Profile URL', 'Profile URL', 'Author ID', 'From ID'],
    text: ['Message'],
    date: ['Created Time'],
  },
  requires: [['messageId'], ['handle', 'name'], ['text']],
  priority: 10,
  channel: 'facebook',
};
