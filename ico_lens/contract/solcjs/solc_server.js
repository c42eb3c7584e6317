#!/usr/bin/env node
// A warm solc-js: one long-lived process per compiler package that loads soljson.js once (1-10 s)
// and then serves standard-JSON compiles over a Unix socket, one at a time:
//
//   node solc_server.js --solc-dir DIR          (started by solc_client.js, detached)
//
// Protocol, one request per connection: the client sends one header line (JSON: cwd, basePath,
// allowPaths, env = the caller's output-cache settings) then the standard-JSON request, and ends
// its side. When the server starts on it, it answers "<pid>\n" (the client's time limit starts
// there and it kills that pid when the compile takes too long), then "<length>\n<output>".
//
// It writes a pid file next to the socket, exits by itself after ICO_LENS_SOLC_IDLE seconds
// without a request (default 300), and after a compile that leaves its memory (resident set)
// above ICO_LENS_SOLC_MAX_MB (default 2048), so that the next request starts a fresh one.
'use strict';

const fs = require('fs');
const net = require('net');
const { loadSolc, standardJson } = require('./solc_core');
const { serverFiles } = require('./solc_run');

const DEFAULT_IDLE_S = 300;
const DEFAULT_MAX_MB = 2048;

function numberFrom(text, fallback) {
  const n = Number(text);
  return text !== undefined && text !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
}

function main() {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--solc-dir');
  if (i < 0 || !argv[i + 1]) {
    process.stderr.write('usage: solc_server.js --solc-dir DIR\n');
    process.exit(2);
  }
  const solcDir = argv[i + 1];
  const files = serverFiles(solcDir, process.env);
  const idleMs = numberFrom(process.env.ICO_LENS_SOLC_IDLE, DEFAULT_IDLE_S) * 1000;
  const maxBytes = numberFrom(process.env.ICO_LENS_SOLC_MAX_MB, DEFAULT_MAX_MB) * 1024 * 1024;
  const solc = loadSolc(solcDir); // the slow part, done once

  const queue = [];
  let busy = false;
  let idleTimer = null;
  let stopping = false;

  function cleanup() {
    // only our own files: a successor may already have taken the names
    try { if (fs.readFileSync(files.pid, 'utf8').trim() === String(process.pid)) { fs.unlinkSync(files.pid); fs.unlinkSync(files.socket); } } catch (e) { /* gone */ }
  }

  function stop(why) {
    if (stopping) return;
    stopping = true;
    process.stderr.write('solc server ' + process.pid + ' exits: ' + why + '\n');
    cleanup();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  }

  function armIdle() {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => { if (!busy && queue.length === 0) stop('idle'); else armIdle(); }, idleMs);
  }

  function pump() {
    if (busy || stopping || queue.length === 0) return;
    busy = true;
    const job = queue.shift();
    job.socket.write(process.pid + '\n', (err) => {
      if (err) { busy = false; setImmediate(pump); return; } // the client gave up waiting: skip its job
      let output;
      try {
        output = standardJson(solcDir, () => solc, job.input, job.options);
      } catch (e) {
        // an aborted emscripten module is unusable: leave, and let the client compile it one-shot,
        // which reports the failure exactly as today
        job.socket.destroy();
        busy = false;
        stop('the compiler raised ' + (e && e.message ? e.message.split('\n')[0] : String(e)));
        return;
      }
      const body = Buffer.from(output, 'utf8');
      job.socket.end(Buffer.concat([Buffer.from(body.length + '\n'), body]));
      busy = false;
      armIdle();
      const rss = process.memoryUsage().rss;
      if (rss > maxBytes) { stop('memory ' + Math.round(rss / 1048576) + ' MB > ' + Math.round(maxBytes / 1048576) + ' MB'); return; }
      setImmediate(pump);
    });
  }

  function accept(socket) {
    const chunks = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => { /* the client went away: its job is dropped below or answered into the void */ });
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const nl = text.indexOf('\n');
      let header;
      try { header = JSON.parse(text.slice(0, nl)); } catch (e) { socket.destroy(); return; }
      const options = { cwd: header.cwd || '/', basePath: header.basePath || null, allowPaths: header.allowPaths || [], env: header.env || {} };
      queue.push({ socket: socket, input: text.slice(nl + 1), options: options });
      pump();
    });
  }

  const server = net.createServer({ allowHalfOpen: true }, accept);
  server.on('error', () => process.exit(1)); // e.g. another server holds the socket
  server.listen(files.socket, () => {
    fs.writeFileSync(files.pid, String(process.pid));
    process.stderr.write('solc server ' + process.pid + ' ready (' + solcDir + ')\n');
    armIdle();
  });
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main();
