import type { AuditChainResult } from '../../src/domain/casus/audit-chain';

const why = {
  altered: 'de inhoud klopt niet met de hash: de regel is gewijzigd',
  'removed-or-reordered':
    'sluit niet aan op de regel ervoor: een regel is verwijderd of verplaatst (of de regel ervoor, van vóór de keten, gewijzigd)',
  'missing-hash': 'heeft geen hash, terwijl de keten al begonnen is',
  'tail-removed':
    'de laatste regel is niet de kop die de casus vastlegde: er zijn regels aan het eind verwijderd',
  'head-missing': 'de casus heeft geen vastgelegde kop (auditHead)',
} as const;

/**
 * A verification of a casus's hash chain as people read it ("keten intact, 7 regels"), the same
 * words in `npm run casus:verify` and in the dossier export. Line numbers count from 1.
 */
export function describeAuditChain(result: AuditChainResult): string {
  switch (result.kind) {
    case 'intact': {
      const start = result.chainStartsAt;
      const from =
        start === 0
          ? ''
          : `; keten begint bij regel ${start + 1}: de ${start} regel(s) ervoor zijn van vóór de keten, alleen regel ${start} is gedekt`;
      return `keten intact, ${result.lines} regels${from}`;
    }
    case 'no-chain':
      return `geen keten: de ${result.lines} regels zijn van vóór de hash-keten, er is niets te controleren`;
    case 'broken': {
      const where =
        result.line >= result.lines
          ? `aan het eind (na regel ${result.lines})`
          : `bij regel ${result.line + 1}`;
      const start =
        result.chainStartsAt === undefined
          ? ''
          : ` (keten begint bij regel ${result.chainStartsAt + 1})`;
      return `keten gebroken ${where}: ${why[result.reason]}${start}`;
    }
  }
}
