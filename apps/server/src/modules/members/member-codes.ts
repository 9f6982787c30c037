/**
 * Member codes: "DV" + a 9-digit serial + a check digit (Luhn), e.g. DV0000000018. Serials come from a
 * sequence and are never reused; the check digit catches a mistyped or misread digit on a card.
 */
export function memberCodeFromSerial(serial: number): string {
  const digits = String(serial).padStart(9, '0');
  return `DV${digits}${luhnCheckDigit(digits)}`;
}

export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Double every second digit counting from the right of the payload (the check digit goes after it).
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export const isValidMemberCode = (code: string): boolean =>
  /^DV\d{10}$/.test(code) && luhnCheckDigit(code.slice(2, 11)) === Number(code[11]);
