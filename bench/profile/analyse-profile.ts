// `tsx bench/profile/analyse-profile.ts <file.cpuprofile> [top]`: self and inclusive time per
// function and per package/folder, and split by who is on the stack (a turn or the notifier's
// deliveries after it).
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: analyse-profile.ts <file.cpuprofile> [top]');
const top = Number(topArg ?? 15);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);

const cwd = process.cwd();
function where(frame: CallFrame): string {
  const url = frame.url.replace(/^file:\/\//, '').replace(`${cwd}/`, '');
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (module) return module[1]!;
  if (url.startsWith('node:')) return 'node:internal';
  const ours = /^(bot|src|bench|test)\/([^/]+)/.exec(url);
  if (ours) return `${ours[1]}/${ours[2]!.replace(/\.ts$/, '')}`;
  return url;
}
const label = (frame: CallFrame) => {
  const url = frame.url
    .replace(/^file:\/\//, '')
    .replace(`${cwd}/`, '')
    .replace(/.*node_modules\//, '');
  return `${frame.functionName || '(anonymous)'} ${url}:${frame.lineNumber + 1}`;
};

type Phase = 'delivery' | 'turn' | 'no app frame';
function phaseOf(stack: ProfileNode[]): Phase {
  const urls = stack.map((node) => node.callFrame.url);
  if (urls.some((url) => /bot\/notifications\/|bench\/meter\/mark-notifier/.test(url)))
    return 'delivery';
  if (urls.some((url) => /\/(bot|src)\//.test(url) && !url.includes('node_modules'))) return 'turn';
  return 'no app frame';
}

// Node's own code and natives (socket writes, Buffer, JSON) charged to whoever called them.
const owner = (stack: ProfileNode[]) => {
  const first = stack.find((node) => !/^(node:internal|\(native\))$/.test(where(node.callFrame)));
  const group = first ? where(first.callFrame) : 'node:internal';
  return group === '' || /^\(anonymous\)|^:\d/.test(group) ? 'zod (compiled)' : group;
};
const owned = new Map<string, number>();
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const groupSelf = new Map<string, number>();
const phaseTotals = new Map<string, number>();
const phaseSelf = new Map<string, Map<string, number>>();
const phaseInclusive = new Map<string, Map<string, number>>();
const add = (map: Map<string, number>, key: string, us: number) =>
  map.set(key, (map.get(key) ?? 0) + us);
const nested = (map: Map<string, Map<string, number>>, phase: string) =>
  map.get(phase) ?? map.set(phase, new Map()).get(phase)!;
let total = 0;
let idle = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const us = profile.timeDeltas[i + 1] ?? 0;
  const leaf = byId.get(profile.samples[i]!)!;
  if (leaf.callFrame.functionName === '(idle)') {
    idle += us;
    continue;
  }
  total += us;
  const stack: ProfileNode[] = [];
  for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id))
    stack.push(byId.get(id)!);
  const phase = phaseOf(stack);
  add(phaseTotals, phase, us);
  add(self, label(leaf.callFrame), us);
  add(owned, `${phase} | ${owner(stack)}`, us);
  add(groupSelf, where(leaf.callFrame), us);
  add(nested(phaseSelf, phase), where(leaf.callFrame), us);
  const seen = new Set<string>();
  for (const node of stack) {
    for (const key of [label(node.callFrame), `[${where(node.callFrame)}]`]) {
      if (seen.has(key)) continue;
      seen.add(key);
      add(inclusive, key, us);
      add(nested(phaseInclusive, phase), key, us);
    }
  }
}

const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(6)} ms`;
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
function print(title: string, map: Map<string, number>, n = top, filter = (_: string) => true) {
  process.stdout.write(`\n## ${title}\n`);
  for (const [key, us] of [...map]
    .filter(([key]) => filter(key))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n))
    process.stdout.write(`${pct(us)} ${ms(us)}  ${key}\n`);
}
const wall = profile.endTime - profile.startTime;
process.stdout.write(
  `profile ${ms(wall)} wall, busy ${ms(total)} (${((100 * total) / wall).toFixed(0)}%), idle ${ms(idle)}\n`,
);
print('busy time by phase (stack has notifier frames = delivery)', phaseTotals);
print('self time by package / folder', groupSelf, 30);
print('self time by function', self);
print('self time with node internals charged to their caller, by phase', owned, 40);
print('inclusive time by function (app code)', inclusive, 40, (key) => / (bot|src)\//.test(key));
print('inclusive time by package / folder', inclusive, 30, (key) => key.startsWith('['));
for (const phase of ['turn', 'delivery', 'no app frame']) {
  print(`${phase}: self by package / folder`, nested(phaseSelf, phase), 12);
  print(
    `${phase}: inclusive by function`,
    nested(phaseInclusive, phase),
    25,
    (key) => !key.startsWith('['),
  );
}
