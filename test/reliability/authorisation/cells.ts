// Runs every cell of the matrix against the bot: the actor tries the action on the casus of the
// column (or on none), and the cell records what the bot did, whether the store changed (by the
// store's journal: any document of any container), which casus data the answer held that the
// actor may not know, and what the access log gained: every answer that showed a casus's details
// and every change must leave its record, and no record may say that someone was shown or changed
// what they were not.
import type { AccessRecord } from '../../../src/domain/access/access-record.schema';
import { actorIds, actorOrder, type ActorKind } from './actors';
import type { BuiltCasus } from './casussen';
import { documentedMatrix, NO_CASUS, type Column } from './matrix';
import { quiet, restore, storedDocument, type StoredDocument } from './store-state';
import type { JournalWatch } from './journal-watch';
import type { ActionSpec, Answer, Bench } from './try';

export interface CellResult {
  action: string;
  actor: ActorKind;
  column: Column;
  /** As the matrix documents it. */
  documented: boolean;
  /** What the bot did; undefined when the try failed (then `error`). */
  allowed?: boolean;
  /** Something in the store changed. */
  changed: boolean;
  /** Casus data in the answer that the actor may not know. */
  leaked: string[];
  /** The answer showed the casus's details, or the casus changed: then the access log must say so. */
  read: boolean;
  /** …and it does not. */
  unrecorded: boolean;
  /** Access records that say the actor was shown or changed a casus when they were not. */
  falseRecords: string[];
  /** A link tried tampered too: how many ways, and those that were served anyway. */
  tampered?: { tried: number; served: string[] };
  error?: string;
}

export const documentedAllowed = (action: string, actor: ActorKind, column: Column): boolean =>
  documentedMatrix[action]?.[actor]?.includes(column) ?? false;

/** Who may know a casus's data (see it, or their own draft), and who its number. */
function knowledgeOf(actor: ActorKind, casus: BuiltCasus) {
  // The contactpunt's inzage holds all of a betrokkene's data, for any submitted casus.
  const data =
    documentedAllowed('casus <nummer>', actor, casus.column) ||
    documentedAllowed('intake.open', actor, casus.column) ||
    documentedAllowed('GET /download/:file inzage', actor, casus.column);
  // An invitee's card to sign and their dialog name the casus by number, as does the privacy
  // officer's access log.
  const invited = casus.invited && (actor === 'invitee' || actor === 'participant');
  const logged = documentedAllowed('wie heeft casus <nummer>', actor, casus.column);
  return { data, number: data || invited || logged };
}

/** What no answer to this actor may hold: the data and numbers of casussen they may not know. */
export function forbiddenFor(actor: ActorKind, casussen: readonly BuiltCasus[]): string[] {
  return casussen.flatMap((casus) => {
    const known = knowledgeOf(actor, casus);
    return [
      ...(known.data ? [] : casus.personalValues),
      ...(known.number || !casus.number ? [] : [casus.number]),
    ];
  });
}

const leaksIn = (answer: Answer | undefined, forbidden: readonly string[]) => {
  const text = answer?.text.toLowerCase() ?? '';
  const sent = new Set(answer?.sent ?? []);
  return forbidden.filter((value) => !sent.has(value) && text.includes(value.toLowerCase()));
};

/**
 * What the access log gained in this cell, judged: a record that says this actor was shown a
 * casus is false unless the cell is documented allowed for that casus or the actor may see it
 * anyway; one that says they changed it, unless it changed. Records of no casus (a search that
 * found none) and refusals say nothing was shown.
 */
function judgeRecords(
  records: readonly AccessRecord[],
  cell: { actor: ActorKind; casus?: BuiltCasus; documented: boolean; changedIds: Set<string> },
  casussen: readonly BuiltCasus[],
) {
  const own = records.filter((r) => r.actor.personId === actorIds[cell.actor]);
  const untrue = own.filter((record) => {
    const about = casussen.find((casus) => casus.id === record.casusId);
    if (!about || record.result === 'refused') return false;
    if (record.result === 'changed') return !cell.changedIds.has(about.id);
    const thisCell = about.id === cell.casus?.id && cell.documented;
    return !thisCell && !knowledgeOf(cell.actor, about).data;
  });
  const recorded = (id: string | undefined) =>
    own.some((r) => r.casusId === id && r.result !== 'refused');
  return {
    falseRecords: untrue.map((r) => `${r.what} ${r.result} via ${r.why}`),
    recorded: recorded(cell.casus?.id),
  };
}

export interface Run {
  bench: Bench;
  /** Every change the store acknowledges. */
  journal: JournalWatch;
  casussen: readonly BuiltCasus[];
  /** Each casus as it was built, to start every cell from. */
  templates: ReadonlyMap<string, StoredDocument>;
}

/** One cell: tried, judged, and the casus put back when it changed. */
async function runCell(
  run: Run,
  spec: ActionSpec,
  actor: ActorKind,
  casus: BuiltCasus | undefined,
): Promise<CellResult> {
  const { bot } = run.bench;
  const column: Column = casus?.column ?? NO_CASUS;
  const template = casus && run.templates.get(casus.id);
  if (spec.prepare) {
    await spec.prepare(run.bench);
    await run.journal.mark();
  }
  // Whatever changed before this cell and was not put back is blamed on it: never hidden.
  const earlier = await run.journal.changes();
  let answer: Answer | undefined;
  let error: string | undefined;
  try {
    answer = await spec.run(run.bench, {
      actor,
      actorId: actorIds[actor],
      target: { column, casus, revision: Number(template?.revision ?? 0) },
    });
  } catch (failure) {
    error = failure instanceof Error ? failure.message.slice(0, 200) : String(failure);
  }
  const later = await run.journal.changes();
  const written = [...earlier.changes, ...later.changes];
  // Records a turn made after its answer (the recorder waits a second at most) are its own.
  const records = [...earlier.appended, ...later.appended];
  const changed = written.length > 0;
  const changedIds = new Set(written.filter((c) => c.container === 'casussen').map((c) => c.id));
  const casusChanged = casus !== undefined && changedIds.has(casus.id);
  if (changed && template) {
    await restore(bot, template);
    await run.journal.mark();
  }
  const allowed = error ? undefined : spec.writes ? casusChanged : answer?.shows;
  const documented = documentedAllowed(spec.id, actor, column);
  const judged = judgeRecords(records, { actor, casus, documented, changedIds }, run.casussen);
  // A read: the answer showed the casus's details (whether or not the action was allowed), or an
  // allowed action showed them elsewhere, or the casus changed. A draft's own author reading it
  // is none: it is theirs alone, and every change of it is recorded.
  const submitted = casus !== undefined && casus.column !== 'concept';
  const read =
    casusChanged ||
    (submitted &&
      ((allowed === true && spec.showsElsewhere === true) ||
        leaksIn(answer, casus.personalValues).length > 0));
  return {
    action: spec.id,
    actor,
    column,
    documented,
    ...(allowed !== undefined && { allowed }),
    changed,
    leaked: leaksIn(answer, forbiddenFor(actor, run.casussen)),
    read,
    unrecorded: read && !judged.recorded,
    falseRecords: judged.falseRecords,
    ...(answer?.tampered && { tampered: answer.tampered }),
    ...(error && { error }),
  };
}

/** Every cell: each casus action on each column's casus, then the actions without a casus. */
export async function runCells(
  run: Run,
  specs: readonly ActionSpec[],
  progress: (line: string) => void,
): Promise<CellResult[]> {
  const results: CellResult[] = [];
  await run.journal.mark();
  for (const casus of run.casussen) {
    const started = performance.now();
    for (const spec of specs.filter((s) => s.onCasus)) {
      for (const actor of actorOrder) results.push(await runCell(run, spec, actor, casus));
    }
    progress(`${casus.column}: ${Math.round(performance.now() - started)} ms`);
  }
  for (const spec of specs.filter((s) => !s.onCasus)) {
    for (const actor of actorOrder) results.push(await runCell(run, spec, actor, undefined));
  }
  return results;
}

/** Each casus as the cells start from it, once the bot is done with it. */
export async function templatesOf(
  bench: Bench,
  casussen: readonly BuiltCasus[],
): Promise<Map<string, StoredDocument>> {
  const templates = new Map<string, StoredDocument>();
  for (const casus of casussen) {
    await quiet(bench.bot, casus.id);
    const stored = await storedDocument(bench.bot, casus.id);
    if (!stored) throw new Error(`casus ${casus.column} is not in the store`);
    templates.set(casus.id, stored);
  }
  return templates;
}
