/**
 * The parts of a casus document that hold nothing about its betrokkene, each with the reason: the
 * data-minimisation test requires every stored field to be either here or in `betrokkeneFields`.
 * A prefix covers the fields under it.
 */
export const notBetrokkeneFields: readonly { prefix: string; reason: string }[] = [
  {
    prefix: 'kind',
    reason: 'The document kind.',
  },
  ...[
    'id',
    'revision',
    'state',
    'createdAt',
    'kamerId',
    'casusNumber',
    'submission.submittedAt',
  ].map((prefix) => ({
    prefix,
    reason: 'The casus itself (number, kamer, state, dates): the heading of the inzage per casus.',
  })),
  { prefix: 'intake.step', reason: 'Where the wizard is.' },
  { prefix: 'intake.activityId', reason: 'The Teams activity that saved the draft last.' },
  {
    prefix: 'intake.values.aanwijzingenAantal',
    reason: 'How many indication slots the card shows.',
  },
  {
    prefix: 'submission.intake.criterium4.deelnemers[].organisationId',
    reason: 'The registry code of the deelnemer named beside it.',
  },
  {
    prefix: 'submission.intake.criterium4.deelnemers[].domain',
    reason: 'The registry domain of the deelnemer named beside it.',
  },
  {
    prefix: 'submission.assessment.criteria[].criterion',
    reason: 'The number of a criterion of the law, the same for every casus.',
  },
  {
    prefix: 'submission.assessment.criteria[].title',
    reason: 'The name of a criterion of the law, the same for every casus.',
  },
  { prefix: 'createdBy', reason: 'The worker who started the intake (staff, not betrokkene).' },
  ...[
    'at',
    'actor',
    'onBehalfOf',
    'action',
    'from',
    'to',
    'legalBasis',
    'activityId',
    'invitationId',
    'evidenceSha256',
    'prevHash',
    'hash',
    'replacesHead',
    'months',
  ].map((field) => ({
    prefix: `audit[].${field}`,
    reason: 'Who did what when, on which basis, and the hash chain: staff and states.',
  })),
  { prefix: 'auditHead', reason: 'The hash of the last audit line.' },
  { prefix: 'outbox', reason: 'Notification bookkeeping.' },
  { prefix: 'cards', reason: 'Which Teams messages show the casus.' },
  { prefix: 'threads', reason: 'Which channel threads show the casus.' },
  { prefix: 'deadline', reason: 'The termijn of the current step.' },
  {
    prefix: 'retention',
    reason: "The bewaartermijn's clock and legal hold: dates and who set the hold (staff).",
  },
  { prefix: 'anonymised', reason: 'When and why the personal data were removed.' },
  { prefix: 'deliveryLease', reason: 'Which bot instance delivers the outbox.' },
  ...[
    'id',
    'casusId',
    'tableId',
    'state',
    'proposal.organisatie',
    'proposal.contactpersoon',
    'proposal.rol.fasen',
    'proposal.beroepsgeheim',
    'proposal.casusoverleg',
    'proposedBy',
    'proposedAt',
    'declaration',
    'signedWithLinkId',
    'history[].at',
    'history[].action',
    'history[].actor',
    'history[].from',
    'history[].to',
    'history[].legalBasis',
    'shares[].id',
    'shares[].at',
    'shares[].by',
    'shares[].delivery',
  ].map((field) => ({
    prefix: `invitations[].${field}`,
    reason:
      'The invited organisation, its contact person, the deciders and the steps (not betrokkene).',
  })),
  {
    prefix: 'declarations',
    reason: "The signer's evidence of a geheimhoudingsverklaring (the invitee, not betrokkene).",
  },
];
