import type { Casus } from '../../src/domain/casus/casus.schema';
import { numberEntryOf } from '../../src/storage/cosmos-casus-number-entries';
import type { BenchSettings } from '../settings';
import type { BotFixtures } from '../subjects/bot-subjects';
import type { Harness } from './harness';
import { CasusPool } from './pool';
import { CasusNumbers, copies, countCasussen, numberPrefix, writeAll } from './seed';

/** The casussen the app made in the lifecycle and the first intake: what the store is filled with. */
export interface Templates {
  aangemeld: Casus;
  inBehandeling: Casus;
  afgesloten: Casus;
  /** A draft at its first step, nothing answered. */
  draft: Casus;
}

/**
 * Fills the store up to `total` casussen: the pools the batches use, open casussen to open, and
 * closed ones for the rest (most of a Lokale Kamer's casussen are history). All at Lokale Kamer
 * Rotterdam, the demo deciders' kamer; the numbers are from the app's own format.
 */
export class StorePlan {
  private readonly numbers: CasusNumbers;
  readonly open: Casus[] = [];

  constructor(
    private readonly harness: Harness,
    private readonly templates: Templates,
  ) {
    this.numbers = new CasusNumbers(numberPrefix(templates.aangemeld));
  }

  /** The casussen, and the entry of each number, as the app writes them at submit. */
  private async write(documents: Casus[]): Promise<Casus[]> {
    await writeAll(this.harness.casussen, documents);
    const numbered = documents.filter((casus) => casus.casusNumber !== undefined);
    await writeAll(
      this.harness.counters,
      numbered.map((casus) => numberEntryOf(casus.casusNumber!, casus.id)),
    );
    return documents;
  }

  /** New pools and open casussen, then closed ones up to `total`; the fixtures for that store. */
  async fill(
    total: number,
    sizes: { decisions: number; drafts: number; open: number },
  ): Promise<BotFixtures & { casussen: number }> {
    const { casussen } = this.harness;
    const decisions = await this.write(
      copies(this.templates.aangemeld, sizes.decisions, this.numbers),
    );
    const drafts = await this.write(copies(this.templates.draft, sizes.drafts, this.numbers));
    const more = Math.max(0, sizes.open - this.open.length);
    this.open.push(...(await this.write(copies(this.templates.inBehandeling, more, this.numbers))));
    const closed = total - (await countCasussen(casussen));
    if (closed > 0) await this.write(copies(this.templates.afgesloten, closed, this.numbers));
    return {
      decisions: new CasusPool(casussen, decisions),
      drafts: sizes.drafts > 0 ? new CasusPool(casussen, drafts) : undefined,
      viewable: this.open.map(({ id, casusNumber }) => ({ id, casusNumber })),
      casussen: await countCasussen(casussen),
    };
  }
}

export const sizesFor = (settings: BenchSettings, phase: 'small' | 'large') =>
  phase === 'small'
    ? {
        decisions: settings.smallDecisionPool,
        drafts: 0,
        open: Math.min(20, settings.openCasussen),
      }
    : { decisions: settings.decisionPool, drafts: settings.draftPool, open: settings.openCasussen };
