import type { Preset } from '../preset.js';

/**
 * Amazon product reviews in the layout of the "Amazon Fine Food Reviews" data set (SNAP / Kaggle) and the review
 * exports modelled on it: `Id` is the review, `UserId` the reviewer, `ProfileName` their display name ("Amazon
 * Customer" is a placeholder), `Score` 1–5 stars, `Time` Unix seconds, `Summary` the title. The helpfulness votes
 * (HelpfulnessNumerator/Denominator) count other shoppers' clicks: never a rating, not read.
 */
export const amazonReviews: Preset = {
  id: 'amazon-reviews',
  kind: 'reviews',
  description: 'Amazon reviews: Id, ProductId, UserId, ProfileName, Score, Time, Summary, Text',
  columns: {
    messageId: ['Id', 'review_id'],
    crmId: ['UserId', 'user_id', 'reviewerID'],
    name: ['ProfileName', 'reviewerName'],
    product: ['ProductId', 'asin'],
    rating: ['Score', 'overall', 'star_rating'],
    date: ['Time', 'unixReviewTime'],
    subject: ['Summary', 'review_headline'],
    text: ['Text', 'reviewText', 'review_body'],
  },
  requires: [['crmId'], ['product'], ['rating'], ['text']],
  priority: 10,
  channel: 'amazon',
  recordKind: () => 'review',
};
