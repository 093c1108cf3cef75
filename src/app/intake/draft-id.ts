import { createHash } from 'node:crypto';

/**
 * The id of the draft that one activity starts. Derived from who asked and the activity, so that a
 * repeated delivery or a create whose answer was lost finds the draft it made instead of making a
 * second one. Shaped as an RFC 9562 UUID, version 8 (custom).
 */
export function draftIdFor(personId: string, activityId: string): string {
  const hex = createHash('sha256').update(`casus-draft\n${personId}\n${activityId}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
