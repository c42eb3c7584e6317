#!/usr/bin/env node
// The warm path of a solc launcher: sends one `--standard-json` request to the version's warm server
// (solc_server.js), starting it when its socket does not answer, and prints the output like solc:
//
//   node solc_client.js --node NODE --solc-dir DIR --standard-json [--allow-paths X] [--base-path X] < in.json
//
// - Start is race-safe: the starter holds a lock file (O_EXCL) while the server loads; others wait
//   for the socket. A lock whose holder died is removed.
// - A compile that takes longer than ICO_LENS_SOLC_TIMEOUT seconds (counted from when the server
//   starts on it) kills the server (it is busy) and exits 124, as the one-shot path does; the next
//   request starts a fresh server.
// - When the server cannot start, or dies during the compile (a crash, out of memory), the request
//   is compiled one-shot by solc_wrapper.js under the same time and memory bounds, so the result or
//   the error is exactly today's.
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');
const { parseArgs } = require('./solc_wrapper');
const { serverFiles } = require('./solc_run');

const WRAPPER_JS = path.join(__dirname, 'solc_wrapper.js');
const SERVER_JS = path.join(__dirname, 'solc_server.js');
const DEFAULT_TIMEOUT_S = 120;
const DEFAULT_MAX_MB = 2048;
//: how long a server may take to load its compiler before the request goes one-shot
const START_TIMEOUT_S = 90;
//: how much longer than the time limit a request may wait for the server to start on it
const QUEUE_GRACE_S = 5;
//: the caller's settings the server must honour per request (the output cache)
const FORWARDED_ENV = ['ICO_LENS_SOLC_CACHE', 'ICO_LENS_SOLC_CACHE_MAX_MB', 'XDG_CACHE_HOME', 'HOME'];

function numberFrom(text, fallback) {
  const n = Number(text);
  return text !== undefined && text !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
}

const TIMEOUT_S = numberFrom(process.env.ICO_LENS_SOLC_TIMEOUT, DEFAULT_TIMEOUT_S);
const MAX_MB = Math.floor(numberFrom(process.env.ICO_LENS_SOLC_MAX_MB, DEFAULT_MAX_MB));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function readStdin() {
  const chunks = [];
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    let n;
    try {
      n = fs.readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      if (e.code === 'EAGAIN') continue;
      if (e.code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

function alive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

function canConnect(socketPath) {
  return new Promise((resolve) => {
    const s = net.connect(socketPath);
    s.on('connect', () => { s.destroy(); resolve(true); });
    s.on('error', () => resolve(false));
  });
}

// One request. Resolves {kind: 'ok', output} | {kind: 'timeout'} | {kind: 'unavailable'} (nothing
// started on it: no server, or it was stopping) | {kind: 'died'} (the server died compiling it).
function request(files, header, input) {
  return new Promise((resolve) => {
    const socket = net.connect(files.socket);
    let buffer = Buffer.alloc(0);
    let pid = null;
    let length = null;
    let done = false;
    const finish = (result) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    // Before the server starts on it, the request waits behind other workers' compiles, each bounded
    // alike (a stuck one is killed by its own client, which drops this connection: 'unavailable').
    let timer = setTimeout(() => finish({ kind: 'timeout' }), (TIMEOUT_S + QUEUE_GRACE_S) * 1000);
    socket.on('connect', () => {
      socket.write(JSON.stringify(header) + '\n');
      socket.end(input);
    });
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (pid === null || length === null) {
          const nl = buffer.indexOf(10);
          if (nl < 0) return;
          const value = Number(buffer.subarray(0, nl).toString());
          buffer = buffer.subarray(nl + 1);
          if (pid === null) {
            pid = value;
            clearTimeout(timer);
            timer = setTimeout(() => {
              try { process.kill(pid, 'SIGKILL'); } catch (e) { /* already gone */ }
              try { if (fs.readFileSync(files.pid, 'utf8').trim() === String(pid)) { fs.unlinkSync(files.pid); fs.unlinkSync(files.socket); } } catch (e) { /* gone */ }
              finish({ kind: 'timeout' });
            }, TIMEOUT_S * 1000);
          } else {
            length = value;
          }
          continue;
        }
        if (buffer.length >= length) finish({ kind: 'ok', output: buffer.subarray(0, length) });
        return;
      }
    });
    socket.on('error', () => { /* 'close' follows */ });
    socket.on('close', () => finish({ kind: pid === null ? 'unavailable' : 'died' }));
  });
}

// Make the server answer on its socket; false when it cannot start (the caller goes one-shot).
async function ensureServer(files, solcDir, node) {
  const deadline = Date.now() + START_TIMEOUT_S * 1000;
  fs.mkdirSync(files.dir, { recursive: true });
  while (Date.now() < deadline) {
    if (await canConnect(files.socket)) return true;
    let fd;
    try {
      fd = fs.openSync(files.lock, 'wx');
    } catch (e) {
      if (e.code !== 'EEXIST') return false;
      let holder = NaN;
      try { holder = Number(fs.readFileSync(files.lock, 'utf8')); } catch (err) { continue; /* just released */ }
      if (holder && !alive(holder)) { try { fs.unlinkSync(files.lock); } catch (err) { /* another did */ } continue; }
      await sleep(50); // another worker is starting the server: wait for the socket
      continue;
    }
    try {
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      if (await canConnect(files.socket)) return true;
      try { fs.unlinkSync(files.socket); } catch (e) { /* no stale socket */ }
      const log = fs.openSync(files.log, 'a'); // one line per start and per exit
      const child = childProcess.spawn(
        node, ['--no-warnings', '--max-old-space-size=' + MAX_MB, SERVER_JS, '--solc-dir', solcDir],
        { detached: true, stdio: ['ignore', log, log], cwd: '/', env: process.env },
      );
      fs.closeSync(log);
      let exited = false;
      child.on('exit', () => { exited = true; });
      child.on('error', () => { exited = true; });
      child.unref();
      while (Date.now() < deadline && !exited) {
        if (await canConnect(files.socket)) return true;
        await sleep(25);
      }
      if (!exited) try { process.kill(child.pid, 'SIGKILL'); } catch (e) { /* gone */ }
      return false;
    } finally {
      try { fs.unlinkSync(files.lock); } catch (e) { /* removed as stale */ }
    }
  }
  return false;
}

function oneShot(node, solcDir, passArgs, input) {
  const proc = childProcess.spawnSync(
    node, ['--no-warnings', '--max-old-space-size=' + MAX_MB, WRAPPER_JS, '--solc-dir', solcDir, ...passArgs],
    { input: input, timeout: TIMEOUT_S * 1000, killSignal: 'SIGKILL', maxBuffer: 1 << 30 },
  );
  if (proc.error && proc.error.code === 'ETIMEDOUT') return 124;
  if (proc.stdout) process.stdout.write(proc.stdout);
  if (proc.stderr) process.stderr.write(proc.stderr);
  if (proc.error) {
    process.stderr.write('solc_client.js: ' + proc.error.message + '\n');
    return 1;
  }
  return proc.status === null ? 1 : proc.status;
}

async function main() {
  const argv = process.argv.slice(2);
  const n = argv.indexOf('--node');
  const node = n >= 0 ? argv[n + 1] : process.execPath;
  const passArgs = n >= 0 ? argv.slice(0, n).concat(argv.slice(n + 2)) : argv;
  const args = parseArgs(passArgs);
  const rest = passArgs.filter((a, i) => !(a === '--solc-dir' || passArgs[i - 1] === '--solc-dir'));
  const input = readStdin();
  if (args.mode !== 'standard-json') return oneShot(node, args.solcDir, rest, input);

  const files = serverFiles(args.solcDir, process.env);
  const env = {};
  for (const k of FORWARDED_ENV) if (process.env[k] !== undefined) env[k] = process.env[k];
  const header = { cwd: process.cwd(), basePath: args.basePath, allowPaths: args.allowPaths, env: env };
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = await request(files, header, input);
    if (result.kind === 'ok') {
      process.stdout.write(result.output);
      return 0;
    }
    if (result.kind === 'timeout') return 124;
    if (result.kind === 'died') break;
    let started = false;
    try {
      started = await ensureServer(files, args.solcDir, node);
    } catch (e) { /* e.g. a read-only run folder: compile one-shot */ }
    if (!started) break;
  }
  return oneShot(node, args.solcDir, rest, input);
}

main().then(
  (code) => { process.exitCode = code; },
  (e) => {
    process.stderr.write('solc_client.js: ' + (e && e.message ? e.message : String(e)) + '\n');
    process.exitCode = 1;
  },
);
