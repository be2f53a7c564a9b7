import type { Preset } from '../preset.js';

/**
 * The "Customer Support on Twitter" layout (one row per tweet). `inbound` is False for the brands' own support
 * accounts, whose tweets are replies to the tweet named in in_response_to_tweet_id; linking gives such a reply the
 * customer of the tweet it answers. created_at is Twitter API v1's "Tue Oct 31 22:10:47 +0000 2017".
 */
export const twitterSupport: Preset = {
  id: 'twitter-support',
  kind: 'social',
  description: 'Customer Support on Twitter: tweet_id, author_id, inbound, created_at, text, in_response_to_tweet_id',
  columns: {
    messageId: ['tweet_id'],
    handle: ['author_id'],
    inbound: ['inbound'],
    date: ['created_at'],
    text: ['text'],
    replyTo: ['in_response_to_tweet_id'],
    // The answers to this tweet, "5,7"; those missing from the export still prove an answer was given.
    replies: ['response_tweet_id'],
  },
  requires: [['messageId'], ['handle'], ['text']],
  priority: 10,
  channel: 'twitter',
};
