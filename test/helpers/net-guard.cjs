// Preload (`node --require test/helpers/net-guard.cjs`, or through NODE_OPTIONS) that keeps a
// process on loopback: every TCP/TLS connection or name lookup aimed anywhere else fails before a
// packet leaves, and is appended as a JSON line to the file named by NET_GUARD_LOG, so a test can
// assert that nothing even tried. Unix sockets and 'localhost' pass; everything else is refused,
// including hostnames other than 'localhost' (they would need a DNS query to be checked).
// TCP connections all end in net.Socket.prototype.connect (net.connect, tls.connect, http, https,
// fetch), so guarding that one method covers them; DNS is guarded at the dns module's functions.
'use strict';
const dns = require('node:dns');
const fs = require('node:fs');
const net = require('node:net');

const logFile = process.env.NET_GUARD_LOG;

function isLoopbackAddress(address) {
  const host = String(address)
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  if (net.isIPv4(host)) return host.startsWith('127.');
  if (net.isIPv6(host)) {
    if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    return mapped !== null && mapped[1].startsWith('127.');
  }
  return false;
}

function isAllowedHost(host) {
  return String(host).toLowerCase() === 'localhost' || isLoopbackAddress(host);
}

function record(kind, target) {
  const line = JSON.stringify({ kind, target, pid: process.pid, at: new Date().toISOString() });
  if (logFile) fs.appendFileSync(logFile, `${line}\n`);
  process.stderr.write(`net-guard: blocked ${kind} ${target}\n`);
}

function blockedError(kind, target, code) {
  const error = new Error(`net-guard: ${kind} to non-loopback ${target} refused`);
  error.code = code;
  error.hostname = target;
  return error;
}

// connect(options[, cb]) | connect(port[, host][, cb]) | connect(path[, cb]) | connect(normalized)
function connectTarget(args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first !== null && typeof first === 'object') {
    if (first.path !== undefined && first.path !== null) return undefined;
    return { host: first.host ?? 'localhost', port: first.port };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return undefined; // a unix socket path
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first };
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const target = connectTarget(args);
  if (target === undefined || isAllowedHost(target.host)) return originalConnect.apply(this, args);
  const described = `${target.host}:${target.port}`;
  record('connect', described);
  const error = blockedError('connect', described, 'ENETUNREACH');
  process.nextTick(() => this.destroy(error));
  return this;
};

const originalLookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  if (hostname === null || hostname === undefined || hostname === '' || isAllowedHost(hostname))
    return originalLookup.call(this, hostname, options, callback);
  record('lookup', String(hostname));
  const error = blockedError('lookup', String(hostname), 'ENOTFOUND');
  process.nextTick(() => done(error));
  return {};
};

const originalPromisesLookup = dns.promises.lookup;
dns.promises.lookup = function guardedPromisesLookup(hostname, options) {
  if (hostname === null || hostname === undefined || hostname === '' || isAllowedHost(hostname))
    return originalPromisesLookup.call(this, hostname, options);
  record('lookup', String(hostname));
  return Promise.reject(blockedError('lookup', String(hostname), 'ENOTFOUND'));
};

// Queries to the configured DNS servers are never needed on loopback: refused whatever the name,
// on the module functions (bound to a default resolver) and on Resolver instances alike.
const isQuery = (name) => /^(resolve|reverse)/.test(name);
const callbackTargets = [dns, dns.Resolver.prototype];
const promiseTargets = [dns.promises, dns.promises.Resolver.prototype];
for (const target of callbackTargets) {
  for (const name of Object.getOwnPropertyNames(target).filter(isQuery)) {
    target[name] = function guardedQuery(hostname, ...rest) {
      record(name, String(hostname));
      const done = rest.find((argument) => typeof argument === 'function');
      const error = blockedError(name, String(hostname), 'ECONNREFUSED');
      if (done) process.nextTick(() => done(error));
      return {};
    };
  }
}
for (const target of promiseTargets) {
  for (const name of Object.getOwnPropertyNames(target).filter(isQuery)) {
    target[name] = function guardedPromisesQuery(hostname) {
      record(name, String(hostname));
      return Promise.reject(blockedError(name, String(hostname), 'ECONNREFUSED'));
    };
  }
}
