import assert from 'node:assert/strict';
import { casusSchema } from '../../src/domain/casus/casus.schema';
import { sampleCasus } from '../helpers/samples';

// A casus submitted before issue 11 still loads: its intake is read into the current shape.
const oldSubmission = {
  submittedAt: '2026-02-01T10:00:00.000Z',
  intake: {
    betrokkene: { naam: 'Jan Jansen', geboortedatum: '1988-04-12', gemeente: 'Rotterdam' },
    aanmelding: { aanmeldroute: 'veilig-thuis', kamerId: 'lk-rotterdam', urgentie: 'hoog' },
    criterium1: {
      bijBetrokkene: true,
      inGezinssituatie: false,
      motivering: 'Betrokkene heeft schulden, een verslaving en geen vaste woonplek.',
    },
    criterium2: {
      leefgebieden: ['huisvesting', 'verslaving'],
      criminogeen: ['verslaving', 'veiligheid'],
      motivering: 'Verslaving en eerdere politiecontacten versterken elkaar aantoonbaar.',
    },
    criterium3: {
      gevolgen: ['criminaliteit'],
      tijden: ['zou-leiden'],
      objectieveAanwijzingen: 'Twee politiemeldingen in januari over bedreiging van buren.',
      motivering: 'Buren melden wekelijks ernstige overlast; er lopen twee aangiftes.',
    },
    criterium4: {
      domeinen: ['zorg', 'justitieel'],
      motivering: 'Verslavingszorg, politie en schuldhulp moeten samen één plan maken.',
    },
    doorbraak: { nodig: false },
  },
  assessment: {
    criteria: [1, 2, 3, 4].map((criterion) => ({
      criterion,
      title: 't',
      met: true,
      explanation: 'e',
    })),
    verdict: 'voldoet',
    failing: [],
  },
};

describe('a casus stored in the intake shape before issue 11', () => {
  const casus = casusSchema.parse({
    ...sampleCasus({ state: 'aangemeld', kamerId: 'lk-rotterdam' }),
    submission: oldSubmission,
  });
  const intake = casus.submission?.intake;

  it('reads the two leefgebied lists as one answer each', () => {
    assert.deepEqual(intake?.criterium2.leefgebieden, [
      { leefgebied: 'huisvesting', status: 'probleem' },
      { leefgebied: 'verslaving', status: 'criminogeen' },
      { leefgebied: 'veiligheid', status: 'criminogeen' },
    ]);
  });

  it('keeps the old indication text as an indication of kind "anders", dated at submit', () => {
    assert.deepEqual(intake?.criterium3.aanwijzingen, [
      {
        soort: 'anders',
        datum: '2026-02-01',
        bron: 'Niet vastgelegd (aanmelding van vóór de gestructureerde aanwijzingen)',
        omschrijving: 'Twee politiemeldingen in januari over bedreiging van buren.',
      },
    ]);
  });

  it('names the old domains as partners that were not recorded', () => {
    assert.deepEqual(
      intake?.criterium4.deelnemers.map((d) => [d.domain, d.name]),
      [
        ['zorg', 'Partner niet vastgelegd (domein zorg, oude aanmelding)'],
        ['justitieel', 'Partner niet vastgelegd (domein justitieel, oude aanmelding)'],
      ],
    );
  });

  it('leaves a casus in the current shape as it is', () => {
    assert.deepEqual(casusSchema.parse(casus), casus);
  });
});
