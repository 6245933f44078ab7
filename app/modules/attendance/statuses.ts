// Plain lists (no zod), so that the register and credit forms can use them in the browser.
export const REGISTER_STATUSES = ['unmarked', 'present', 'partial', 'absent'] as const
export type RegisterStatus = (typeof REGISTER_STATUSES)[number]
export const ABSENCE_REASONS = ['work', 'family', 'leave', 'other'] as const
export const CREDIT_KINDS = ['catch-up', 'assignment', 'other'] as const
/** The grid's mark per gathering and mentor (`GridViewRow.marks`, one character each). */
export const GRID_MARK = { out: 'o', missed: 'm', none: '.' } as const
