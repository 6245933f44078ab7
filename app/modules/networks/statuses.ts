// A plain list (no zod): how a person stands with a network, as the pages label it.
export const NETWORK_STATUSES = ['active', 'contact', 'invited', 'requested'] as const
