// Runs a command and stops it when this process's parent dies, even by SIGKILL, so that
// `npm start` never leaves an orphaned Teams-like client holding its port.
// Usage: node child-guard.cjs <command> [args...]
'use strict';
const { spawn } = require('node:child_process');

const [command, ...args] = process.argv.slice(2);
const parent = process.ppid;
const child = spawn(command, args, { stdio: 'inherit' });

const stop = () => {
  if (child.exitCode === null) child.kill('SIGTERM');
};
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, stop);
const watch = setInterval(() => {
  if (process.ppid !== parent) stop();
}, 500);
child.on('exit', (code, signal) => {
  clearInterval(watch);
  process.exit(code ?? (signal ? 1 : 0));
});
