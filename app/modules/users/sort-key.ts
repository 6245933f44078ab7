/**
 * A name folded so that plain binary order is the Norwegian one: lower case,
 * æ/ä, ø/ö and å/aa mapped to the three characters after `z`. The database
 * keeps `User.sortName` equal to this through a trigger (same rules in SQL, see
 * the migration `grid_version_sort_name`); search terms are folded the same way.
 */
export function sortKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[æä]/g, '{')
    .replace(/[øö]/g, '|')
    .replace(/å|aa/g, '}')
}
