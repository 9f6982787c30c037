/**
 * Text from the outside with its control characters (NUL, escape codes…) turned into spaces; tab and
 * line breaks stay. PostgreSQL text cannot hold NUL, and nothing a person types needs the others.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export const withoutControlCharacters = (text: string): string => text.replace(CONTROL, ' ');
