// Drafts and submissions stored before issue 11 had two leefgebied lists (that could disagree), one
// free text for the objective indications, and domains without partners. They are read into the
// current shape as they load, so an old casus still opens; nothing is rewritten until its next write.

import { MAX_AANWIJZING_TEXT, MAX_AANWIJZINGEN } from './intake.schema';
import { leefgebieden } from './vocabulary';

type Raw = Record<string, unknown>;
const isRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
      : [];

/**
 * The old lists as one answer per leefgebied. Old assessments counted every leefgebied ticked
 * "criminogeen", ticked as a problem or not, so those become "probleem met criminogene factor".
 */
function leefgebiedAnswers(
  problems: string[],
  criminogeen: string[],
): { leefgebied: string; status: 'probleem' | 'criminogeen' }[] {
  return leefgebieden.schema.options.flatMap((leefgebied) => {
    const status = criminogeen.includes(leefgebied)
      ? 'criminogeen'
      : problems.includes(leefgebied)
        ? 'probleem'
        : undefined;
    return status ? [{ leefgebied, status }] : [];
  });
}

/** A draft's form values in the old shape → the current fields; others pass through unchanged. */
export function migrateLegacyDraftValues(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const legacy = ['leefgebieden', 'criminogeen', 'objectieveAanwijzingen', 'domeinen'];
  if (!legacy.some((key) => key in raw)) return raw;
  const values: Raw = Object.fromEntries(
    Object.entries(raw).filter(([key]) => !legacy.includes(key)),
  );
  for (const { leefgebied, status } of leefgebiedAnswers(
    listOf(raw.leefgebieden),
    listOf(raw.criminogeen),
  ))
    values[`leefgebied-${leefgebied}`] ??= status;
  const text = typeof raw.objectieveAanwijzingen === 'string' ? raw.objectieveAanwijzingen : '';
  // The old text becomes the first indication; the worker still adds its date and source.
  if (text.trim() && !('aanwijzing1-omschrijving' in values)) {
    values['aanwijzing1-soort'] = 'anders';
    values['aanwijzing1-omschrijving'] = text;
  }
  // Old domains name no partner, so they cannot become one: the worker picks the partners anew.
  return values;
}

/** Splits an old free text into description-sized indications of kind "anders". */
function legacyAanwijzingen(text: string, submittedAt: string) {
  const chunks: string[] = [];
  for (let at = 0; at < text.length && chunks.length < MAX_AANWIJZINGEN; at += MAX_AANWIJZING_TEXT)
    chunks.push(text.slice(at, at + MAX_AANWIJZING_TEXT).trim());
  return chunks
    .filter((chunk) => chunk.length > 0)
    .map((omschrijving) => ({
      soort: 'anders',
      datum: submittedAt.slice(0, 10),
      bron: 'Niet vastgelegd (aanmelding van vóór de gestructureerde aanwijzingen)',
      omschrijving: omschrijving.length >= 10 ? omschrijving : `${omschrijving} (oude tekst)`,
    }));
}

/** A submitted intake in the old shape → the current one (see above); a current one is untouched. */
export function migrateLegacySubmission(raw: unknown): unknown {
  if (!isRecord(raw) || !isRecord(raw.intake)) return raw;
  const intake = { ...raw.intake };
  const submittedAt = typeof raw.submittedAt === 'string' ? raw.submittedAt : '';
  const c2 = intake.criterium2;
  if (isRecord(c2) && 'criminogeen' in c2) {
    const { criminogeen, leefgebieden: problems, ...rest } = c2;
    intake.criterium2 = {
      ...rest,
      leefgebieden: leefgebiedAnswers(listOf(problems), listOf(criminogeen)),
    };
  }
  const c3 = intake.criterium3;
  if (isRecord(c3) && !('aanwijzingen' in c3)) {
    const { objectieveAanwijzingen, ...rest } = c3;
    const text = typeof objectieveAanwijzingen === 'string' ? objectieveAanwijzingen : '';
    intake.criterium3 = { ...rest, aanwijzingen: legacyAanwijzingen(text, submittedAt) };
  }
  const c4 = intake.criterium4;
  if (isRecord(c4) && 'domeinen' in c4) {
    const { domeinen, ...rest } = c4;
    intake.criterium4 = {
      ...rest,
      // The old intake named domains only: each stands in for the partner that was not recorded.
      deelnemers: [...new Set(listOf(domeinen))].map((domain) => ({
        organisationId: `niet-vastgelegd-${domain}`,
        name: `Partner niet vastgelegd (domein ${domain}, oude aanmelding)`,
        domain,
      })),
    };
  }
  return { ...raw, intake };
}
