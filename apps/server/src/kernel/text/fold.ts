/**
 * The folded form we search on: NFD, combining marks stripped, đ→d, lower case, spaces collapsed.
 * It equals PostgreSQL's lower(unaccent(x)) on Vietnamese text (stack-notes §4), so "nguyen van an"
 * finds "Nguyễn Văn An" through a plain btree or trigram index.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes LIKE wildcards in user input so a search for "50%" means the characters, not a pattern. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
