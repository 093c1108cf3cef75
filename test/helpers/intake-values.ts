/** Form values (as a card sends them) for each wizard step of an intake that meets BGS art. 2.20. */
export const validStepValues = {
  betrokkene: {
    naam: 'Jan Jansen',
    geboortedatum: '1988-04-12',
    gemeente: 'Rotterdam',
    bsn: '111222333',
    aanmeldroute: 'veilig-thuis',
    kamerId: 'lk-rotterdam',
    urgentie: 'hoog',
  },
  'criteria-1-2': {
    bijBetrokkene: 'true',
    inGezinssituatie: 'false',
    gezinsRelevantie: '',
    motivering1: 'Betrokkene heeft schulden, een verslaving en geen vaste woonplek.',
    leefgebieden: 'huisvesting,financien-schulden,verslaving',
    criminogeen: 'verslaving,justitie-politie',
    motivering2: 'Verslaving en eerdere politiecontacten versterken elkaar aantoonbaar.',
  },
  'criterium-3': {
    gevolgen: 'ernstige-overlast,criminaliteit',
    tijden: 'leidt',
    objectieveAanwijzingen: '',
    motivering3: 'Buren melden wekelijks ernstige overlast; er lopen twee aangiftes.',
  },
  'criterium-4': {
    domeinen: 'zorg,justitieel,sociaal',
    motivering4: 'Verslavingszorg, politie en schuldhulp moeten samen één plan maken.',
    doorbraakNodig: 'false',
    doorbraakToelichting: '',
  },
} as const;

/** All of them in one record, as a draft stores them. */
export const validFormValues = Object.assign({}, ...Object.values(validStepValues)) as Record<
  string,
  string
>;
