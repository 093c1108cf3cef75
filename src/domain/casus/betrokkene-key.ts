/**
 * The betrokkene as a search compares them: name and date of birth, written the same way however
 * they were typed ("  José  de  Vries-Bakker " and "jose de vries bakker" are one person). Pure:
 * the keyed hash of this text is made in the app layer, so the domain holds no key and does no I/O.
 *
 * Why a keyed hash and not the name itself: personal data is deliberately kept out of the Cosmos
 * index (`src/storage/cosmos-containers.json`). An unkeyed hash of name and date of birth would be
 * no better than the name: the space of names and dates is small enough to try them all. With a
 * secret key only the app can compute the value it looks up; the index holds an opaque token.
 */
export function normaliseBetrokkene(naam: string, geboortedatum: string): string {
  const name = naam
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return `${name}|${geboortedatum.trim()}`;
}

/**
 * A BSN as a search compares it: its digits only ("1112.22.333" is 111222333). The `#` keeps it
 * apart from every `normaliseBetrokkene` text, whose name part holds only letters, digits and spaces.
 */
export function normaliseBsn(bsn: string): string {
  return `#bsn|${bsn.replace(/\D/g, '')}`;
}
