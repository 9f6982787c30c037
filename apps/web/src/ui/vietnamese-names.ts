const collator = new Intl.Collator('vi', { sensitivity: 'base' });

function givenName(fullName: string): string {
  return fullName.trim().split(/\s+/).at(-1) ?? '';
}

/** Vietnamese lists order people by given name (the last word), then by the whole name. */
export function compareVietnameseNames(a: string, b: string): number {
  return collator.compare(givenName(a), givenName(b)) || collator.compare(a, b);
}
