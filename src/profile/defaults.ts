// The profile stage's defaults, apart from the stage itself: the CLI's --help shows them without loading the stage.

/** An unanswered message older than this many days before the reference date is no longer "still open". */
export const DEFAULT_REPLY_HORIZON_DAYS = 30;
