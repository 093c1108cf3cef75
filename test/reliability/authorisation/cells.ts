// Runs every cell of the matrix against the bot: the actor tries the action on the casus of the
// column (or on none), and the cell records what the bot did, whether the store changed (by the
// store's journal: any document of any container), and which casus data the answer held that
// the actor may not know.
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
  error?: string;
}

export const documentedAllowed = (action: string, actor: ActorKind, column: Column): boolean =>
  documentedMatrix[action]?.[actor]?.includes(column) ?? false;

/** Who may know a casus's data (see it, or their own draft), and who its number. */
function knowledgeOf(actor: ActorKind, casus: BuiltCasus) {
  const data =
    documentedAllowed('casus <nummer>', actor, casus.column) ||
    documentedAllowed('intake.open', actor, casus.column);
  // An invitee's card to sign and their dialog name the casus by number.
  const invited = casus.invited && (actor === 'invitee' || actor === 'participant');
  return { data, number: data || invited };
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
  const written = [...earlier, ...(await run.journal.changes())];
  const changed = written.length > 0;
  const casusChanged = written.some((c) => c.container === 'casussen' && c.id === casus?.id);
  if (changed && template) {
    await restore(bot, template);
    await run.journal.mark();
  }
  const allowed = error ? undefined : spec.writes ? casusChanged : answer?.shows;
  return {
    action: spec.id,
    actor,
    column,
    documented: documentedAllowed(spec.id, actor, column),
    ...(allowed !== undefined && { allowed }),
    changed,
    leaked: leaksIn(answer, forbiddenFor(actor, run.casussen)),
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
