/** Lower case without diacritics: "Anouk Bakker" is found by "anouk", "Ümit" by "umit". */
export const folded = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
