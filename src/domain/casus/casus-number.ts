/**
 * A casus number is unique per kamer per year: `LK-ROT-2026-0007` for the seventh casus of 2026 at
 * the Lokale Kamer with code ROT.
 */
export function formatCasusNumber(kamerCode: string, year: number, sequence: number): string {
  return `LK-${kamerCode}-${year}-${String(sequence).padStart(4, '0')}`;
}

/** The port that hands out sequence numbers; each call returns a number no other call returns. */
export interface CasusNumberSequence {
  next(kamerCode: string, year: number): Promise<number>;
}
