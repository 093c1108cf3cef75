import { sharedChatPayloads } from '../../helpers/channel-payloads';
import { atLeast, atMost, holds, type Figure, type Section } from '../figures';
import { runOwnFlow, typedPersonalValues } from '../secrets/own-flow';
import { scanRun } from '../secrets/scan';
import { misuseSigningLinks, type SigningLinkResults, type Tries } from '../secrets/signing-links';

/** Lines the section's own trace-level flow writes at the least (it writes some 60). */
const OWN_LINES = 40;
/** Lines the other five sections write at the least when the whole suite runs. */
const WHOLE_SUITE_LINES = 1000;
/** Channel posts the own flow makes at the least: a thread per casus, replies, root updates. */
const OWN_CHANNEL_PAYLOADS = 4;
/** Uses of signing links the section tries: six forgeries, the used link, the closed casus's. */
const SIGNING_TRIES = 16;

const triesFigure = (name: string, tries: Tries): Figure => ({
  ...atMost(name, tries.accepted),
  value: `${tries.accepted} of ${tries.tried}`,
});

/**
 * Runs last: a flow of its own that certainly hands the bot personal data, tokens and keys (at
 * trace level, a channel linked, an invitee signing over HTTP), then every log line and every
 * channel payload of the whole run checked for them, and signing links misused over HTTP.
 */
export const secrets: Section = {
  name: 'secrets',
  title: '6. Secrets and privacy',
  async run(context) {
    const others = context.sections.filter((name) => name !== 'secrets');
    const linesBefore = context.logLines.length;
    const payloadsBefore = sharedChatPayloads.length;

    const flow = await runOwnFlow();
    let links: SigningLinkResults;
    try {
      links = await misuseSigningLinks(flow);
      // What the last steps queued (notifications, channel posts) goes out and is logged.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    } finally {
      await flow.bot.stop();
    }
    context.logLines.push(...flow.lines);
    const scan = scanRun(context.logLines, {
      typed: typedPersonalValues(),
      tokens: links.tokens,
      keys: [flow.keys.linkTokenSecret, flow.keys.evidenceSigningKey],
    });
    scan.examples.forEach((example) => context.note(example));
    scan.forgotten.forEach((value) => context.note(`typed but not looked for: ${value}`));
    for (const tries of [links.forged, links.reused, links.afterClose])
      tries.how.forEach((how) => context.note(`signing link accepted: ${how}`));

    // The other sections' lines: 1000 when all five ran, at least one each when some did.
    const othersMinimum = others.length >= 5 ? WHOLE_SUITE_LINES : others.length;
    return [
      atLeast(
        `log lines checked (${others.length} other sections ran)`,
        context.logLines.length,
        OWN_LINES + othersMinimum,
      ),
      atLeast('of them from the other sections', linesBefore, othersMinimum),
      atLeast('of them from this section’s own trace-level flow', flow.lines.length, OWN_LINES),
      atLeast('personal values looked for', scan.valuesLookedFor, typedPersonalValues().length),
      atMost('of those this section typed, not looked for', scan.forgotten.length),
      holds('each check finds its kind planted in a line', scan.seesPlanted),
      atMost('log lines with personal data or a motivation', scan.personal.length),
      atMost('log lines with a token', scan.tokens.length),
      atMost('log lines with a key', scan.keys.length),
      atLeast('channel payloads checked', scan.payloads, 1),
      atLeast(
        'of them from this section’s own flow',
        scan.payloads - payloadsBefore,
        OWN_CHANNEL_PAYLOADS,
      ),
      atMost('channel payloads with personal data', scan.leakyPayloads),
      atLeast(
        'signing link uses tried over HTTP',
        links.forged.tried + links.reused.tried + links.afterClose.tried,
        SIGNING_TRIES,
      ),
      holds('the genuine link opens, signs once and is stored', links.genuineSigned),
      triesFigure('signing link used again: accepted', links.reused),
      triesFigure('forged signing link: accepted', links.forged),
      holds('a second link opens, then its casus closes', links.openedBeforeClose && links.closed),
      triesFigure('link used after the close: accepted', links.afterClose),
    ];
  },
};
