import type { Preset } from '../preset.js';

/**
 * Google Play reviews as google-play-scraper writes them (`reviewId,userName,content,score,thumbsUpCount,
 * reviewCreatedVersion,at,replyContent,repliedAt,appVersion`). `userName` is a display name, not a handle, and is
 * the placeholder "Ein Google-Nutzer" / "A Google user" for most authors. `score` is 1–5 stars; `thumbsUpCount`
 * counts other users' "helpful" clicks and is no rating. `replyContent`/`repliedAt` are the developer's public reply.
 */
export const googlePlayReviews: Preset = {
  id: 'google-play-reviews',
  kind: 'reviews',
  description: 'Google Play reviews (google-play-scraper): reviewId, userName, content, score, at, replyContent, repliedAt',
  columns: {
    messageId: ['reviewId'],
    name: ['userName'],
    text: ['content'],
    rating: ['score'],
    date: ['at'],
    reply: ['replyContent'],
    firstReplyAt: ['repliedAt'],
  },
  requires: [['messageId'], ['name'], ['text'], ['rating'], ['date']],
  priority: 10,
  channel: 'google-play',
  recordKind: () => 'review',
};
