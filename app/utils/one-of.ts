/** Narrows a string read from the database to one of a known list (for typed message keys). */
export function isOneOf<T extends string>(list: readonly T[], value: string | null | undefined): value is T {
  return value != null && (list as readonly string[]).includes(value)
}
