// Plain limits (no zod), so that forms can use them in the browser.
/** A held item's note is a short logistics remark, never what was said. */
export const NOTE_MAX = 120
export const REASON_MAX = 200
