import { z } from 'zod';
import { findCasussenOfBetrokkene } from '../../../src/app/betrokkene/find-betrokkene';
import { inzageRef } from '../../../src/app/betrokkene/inzage-ref';
import { isValidBsn } from '../../../src/domain/intake/bsn';
import { isContactpunt } from '../../../src/domain/registry/roles';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { warning } from '../../cards/notice';
import { contactpuntView } from '../../presenters/contactpunt.presenter';
import { refusalCard } from '../../presenters/error-cards';
import { verbRoute, type Turn } from '../route-types';
import { betrokkeneSchema } from '../../../src/domain/intake/intake.schema';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The refusal for anyone but the contactpunt; recorded as what was asked (`what`). */
export function notContactpunt(
  turn: Turn,
  what: 'search' | 'export' | 'change' = 'search',
): AdaptiveCardJson {
  turn.services.access.record(what, undefined, 'refused');
  return refusalCard(
    'Alleen voor het contactpunt',
    'Verzoeken van een betrokkene (inzage, correctie, bezwaar, wissing) behandelt alleen het contactpunt (art. 1.1 BGS). Neem contact op met de functioneel beheerder als je die rol hoort te hebben.',
  );
}

/** "betrokkene zoeken": the empty form, for the contactpunt. */
export function showContactpunt(turn: Turn): Promise<AdaptiveCardJson> {
  if (!isContactpunt(turn.actor.person)) return Promise.resolve(notContactpunt(turn));
  return Promise.resolve(contactpuntView());
}

const contactpuntSearchRoute = verbRoute({
  verb: 'contactpunt.zoek',
  data: z.object({
    bsn: z.string().max(20).default(''),
    naam: z.string().max(200).default(''),
    geboortedatum: z.string().max(10).default(''),
  }),
  async handle(turn, asked) {
    if (!isContactpunt(turn.actor.person)) return notContactpunt(turn);
    const bsn = asked.bsn.replace(/[\s.]/g, '');
    const naam = asked.naam.trim();
    const byName = naam.length > 0 || asked.geboortedatum.length > 0;
    if (bsn && !isValidBsn(bsn)) {
      return contactpuntView(asked, warning('Dit BSN klopt niet (elfproef). Kijk het na.'));
    }
    if (byName && (naam.length < 2 || !DATE.test(asked.geboortedatum))) {
      return contactpuntView(
        asked,
        warning('Vul de naam en de geboortedatum allebei in, of laat ze allebei leeg.'),
      );
    }
    if (byName && !betrokkeneSchema.shape.geboortedatum.safeParse(asked.geboortedatum).success) {
      return contactpuntView(asked, warning('Deze geboortedatum bestaat niet. Kijk hem na.'));
    }
    if (!bsn && !byName) {
      return contactpuntView(asked, warning('Vul het BSN in, of de naam en de geboortedatum.'));
    }
    const query = {
      ...(bsn ? { bsn } : {}),
      ...(byName ? { naam, geboortedatum: asked.geboortedatum } : {}),
    };
    const result = await findCasussenOfBetrokkene(turn.services, turn.actor, query);
    if (!result.ok) return notContactpunt(turn);
    const { keys, found } = result.value;
    const issue = (format: 'pdf' | 'json') =>
      turn.services.downloads.issue(turn.actor.person.id, {
        kind: 'inzage',
        format,
        ref: inzageRef(keys),
      });
    const [pdf, json] = found.length > 0 ? await Promise.all([issue('pdf'), issue('json')]) : [];
    return contactpuntView(asked, undefined, {
      found,
      byBsnOnly: !byName,
      ...(pdf && json ? { links: { pdfUrl: pdf.url, jsonUrl: json.url } } : {}),
    });
  },
});

export const contactpuntVerbRoutes = [contactpuntSearchRoute];
