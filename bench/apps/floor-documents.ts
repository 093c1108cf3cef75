/** Where the floor with store keeps its documents: beside the app's, in the same store. */
export const FLOOR_DATABASE = 'bench-floor';
export const FLOOR_CONTAINER = 'documents';

/** The size of a casus document is of this order (a submitted casus with its audit trail). */
const FLOOR_DOCUMENT_BYTES = 5 * 1024;

/** A ~5 KB document for the floor with store; one per concurrent caller, so no write conflicts. */
export function floorDocument(index: number) {
  const base = {
    id: `floor-${index}`,
    casusNumber: `FLOOR-${String(index).padStart(4, '0')}`,
    state: 'aangemeld',
    revision: 0,
    filler: '',
  };
  const filler = 'x'.repeat(FLOOR_DOCUMENT_BYTES - Buffer.byteLength(JSON.stringify(base)));
  return { ...base, filler };
}
