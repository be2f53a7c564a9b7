// Regular expressions, run case-insensitively on the text with URLs, addresses and handles blanked out.

/** A regex may match at most this often in one text: a runaway pattern must not stall a run. */
const MAX_MATCHES = 50;

/** Calls `found` for each match of a global regex in the text (at most MAX_MATCHES; empty matches step on). */
export function forEachMatch(re: RegExp, text: string, found: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text), guard = 0; m !== null && guard < MAX_MATCHES; m = re.exec(text), guard++) {
    found(m);
    if (m[0].length === 0) re.lastIndex += 1;
  }
}
