// The Teams-like client's config with another current user: the client has no user switcher, so
// `npm start` with PLAYGROUND_USER and the browser tests use this to be someone else.

/** One user of the client's config: its `key: value` lines in order, values as written. */
type UserEntry = [key: string, value: string][];

/** The `key: value` lines of a block whose lines are indented by `indent` spaces. */
function parseEntry(lines: string[], indent: number, where: string): UserEntry {
  return lines.map((line) => {
    const [, key, value] = new RegExp(`^ {${indent}}([A-Za-z]+): (.*)$`).exec(line) ?? [];
    if (key === undefined || value === undefined)
      throw new Error(`${where}: unexpected line ${JSON.stringify(line)}`);
    return [key, value];
  });
}

/** The lines of the top-level block `key:` (up to the next top-level key), and where it is. */
function topLevelBlock(lines: string[], key: string): { start: number; end: number } {
  const start = lines.findIndex((line) => line === `${key}:`);
  if (start < 0) throw new Error(`The client's config has no top-level "${key}:"`);
  let end = start + 1;
  while (end < lines.length && /^( |$)/.test(lines[end] ?? '')) end++;
  return { start, end };
}

const aadObjectIdOf = (entry: UserEntry): string =>
  entry.find(([key]) => key === 'aadObjectId')?.[1].replace(/^['"]|['"]$/g, '') ?? '';

/**
 * The committed client config with `currentUser` swapped for the user with this aadObjectId; the
 * former current user takes that user's place in `users`, so there are still exactly 5 of them.
 * Everything else (comments, chats, team) stays as written. The file's shape is small and known:
 * `currentUser:` with 2-space `key: value` lines, and `users:` with `  - key: value` entries.
 */
export function configAs(yml: string, currentUserAadObjectId: string): string {
  const lines = yml.split('\n');
  const current = topLevelBlock(lines, 'currentUser');
  const currentUser = parseEntry(lines.slice(current.start + 1, current.end), 2, 'currentUser');

  const list = topLevelBlock(lines, 'users');
  const users: UserEntry[] = [];
  let entry: string[] = [];
  for (const line of lines.slice(list.start + 1, list.end)) {
    if (line.startsWith('  - ')) {
      if (entry.length > 0) users.push(parseEntry(entry, 4, 'users'));
      entry = [`    ${line.slice(4)}`];
    } else if (line !== '') entry.push(line);
  }
  if (entry.length > 0) users.push(parseEntry(entry, 4, 'users'));
  if (users.length !== 5) throw new Error(`Expected 5 users in the config, found ${users.length}`);

  if (aadObjectIdOf(currentUser) === currentUserAadObjectId) return yml;
  const index = users.findIndex((user) => aadObjectIdOf(user) === currentUserAadObjectId);
  if (index < 0)
    throw new Error(`No user with aadObjectId ${currentUserAadObjectId} in the config`);
  const chosen = users[index] ?? [];
  users[index] = currentUser;

  const userLines = users.flatMap((user) =>
    user.map(([key, value], i) => `${i === 0 ? '  - ' : '    '}${key}: ${value}`),
  );
  const out: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (i === current.start) {
      out.push(line, ...chosen.map(([key, value]) => `  ${key}: ${value}`));
    } else if (i === list.start) {
      out.push(line, ...userLines);
    } else if ((i > current.start && i < current.end) || (i > list.start && i < list.end)) {
      // replaced above; keep blank lines that separated blocks
      if (line === '') out.push(line);
    } else out.push(line);
  }
  return out.join('\n');
}

/**
 * The aadObjectId of the client's user (current or other) whose name contains `wanted` (any
 * case), or whose aadObjectId it is: `PLAYGROUND_USER=lotte npm start` runs the client as Lotte.
 */
export function userAadObjectId(yml: string, wanted: string): string {
  const needle = wanted.trim().toLowerCase();
  const users: { name: string; aadObjectId: string }[] = [];
  let name = '';
  for (const line of yml.split('\n')) {
    const [, key, value = ''] = /^ {2,4}(?:- )?(name|aadObjectId): (.*)$/.exec(line) ?? [];
    const unquoted = value.replace(/^['"]|['"]$/g, '');
    if (key === 'name') name = unquoted;
    if (key === 'aadObjectId') users.push({ name, aadObjectId: unquoted });
  }
  const found = users.find(
    (user) => user.aadObjectId === needle || user.name.toLowerCase().includes(needle),
  );
  if (!found) {
    throw new Error(
      `PLAYGROUND_USER "${wanted}" is none of the client's users: ${users.map((u) => u.name).join(', ')}`,
    );
  }
  return found.aadObjectId;
}
