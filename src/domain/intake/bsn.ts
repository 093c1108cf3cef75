/**
 * The elfproef for a burgerservicenummer: 9 digits d1..d9 with
 * 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11 (and not all zeros).
 */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value) || /^0+$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.reduce(
    (total, digit, index) => total + digit * (index === 8 ? -1 : 9 - index),
    0,
  );
  return sum % 11 === 0;
}
