/** The shape of the bot's verbs and Teams' invoke names: "casus.decide", "composeExtension/query". */
const NAME = /^[a-z][A-Za-z]*([./][a-z][A-Za-z-]*)+$/;

/**
 * A verb or invoke name the caller chose, as a log line may hold it: in that shape only. Anything
 * else may be typed text, personal data among it (WGS art. 2.25), and is logged as "(other)".
 */
export const loggedName = (name: string): string =>
  name.length <= 64 && NAME.test(name) ? name : '(other)';
