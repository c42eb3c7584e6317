#!/usr/bin/env node
// A native-solc look-alike over solc-js, enough for py-solc-x and crytic-compile:
//
//   node solc_wrapper.js --solc-dir DIR --version
//   node solc_wrapper.js --solc-dir DIR --standard-json [--allow-paths X] [--base-path X] < input.json
//
// DIR is an installed solc-js package (e.g. node_modules/solc-0.4.24). solc-js cannot read files, so
// every source given only by `urls` is inlined from disk (relative to --base-path, else the working
// directory) before compiling, and imports are answered from disk by a read callback. The output is
// normalised for old compilers: solc 0.4.11 only returns `legacyAST`, which is copied to `ast`.
'use strict';

const fs = require('fs');
const path = require('path');

function parseArgs(argv) {
  const args = { solcDir: process.env.ICO_LENS_SOLCJS_DIR || null, mode: null, allowPaths: [], basePath: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--solc-dir') args.solcDir = argv[++i];
    else if (a === '--version' || a === '-v') args.mode = 'version';
    else if (a === '--standard-json') args.mode = 'standard-json';
    else if (a === '--allow-paths') args.allowPaths.push(argv[++i]);
    else if (a.startsWith('--allow-paths=')) args.allowPaths.push(a.slice('--allow-paths='.length));
    else if (a === '--base-path') args.basePath = argv[++i];
    else if (a.startsWith('--base-path=')) args.basePath = a.slice('--base-path='.length);
    else if (a === '--help' || a === '-h') args.mode = 'help';
    // other native flags (e.g. --combined-json) are not supported: standard JSON only
    else if (a.startsWith('-')) { args.mode = 'unsupported'; args.flag = a; }
  }
  return args;
}

function loadSolc(solcDir) {
  if (!solcDir) throw new Error('no solc-js package given (--solc-dir DIR or ICO_LENS_SOLCJS_DIR)');
  const wrapper = require(path.join(solcDir, 'wrapper.js'));
  const soljson = require(path.join(solcDir, 'soljson.js'));
  return wrapper(soljson);
}

function readStdin() {
  const chunks = [];
  const buf = Buffer.alloc(1 << 16);
  let n;
  for (;;) {
    try {
      n = fs.readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      if (e.code === 'EAGAIN') continue;
      if (e.code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.slice(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function makeReader(roots) {
  // Resolve a source unit name against the base path and the allowed paths (first hit wins).
  return function readFile(name) {
    const candidates = path.isAbsolute(name) ? [name] : roots.map((r) => path.join(r, name));
    for (const c of candidates) {
      try {
        if (fs.statSync(c).isFile()) return { contents: fs.readFileSync(c, 'utf8') };
      } catch (e) { /* try the next root */ }
    }
    return { error: 'File not found: ' + name };
  };
}

function inlineSources(input, readFile) {
  const sources = input.sources || {};
  for (const name of Object.keys(sources)) {
    const src = sources[name] || {};
    if (typeof src.content === 'string') continue;
    const urls = src.urls || [];
    let found = null;
    for (const u of urls.length ? urls : [name]) {
      const r = readFile(u);
      if (r.contents !== undefined) { found = r.contents; break; }
    }
    if (found === null) {
      return { ok: false, error: 'Cannot read source ' + name + ' (urls: ' + JSON.stringify(urls) + ')' };
    }
    sources[name] = Object.assign({}, src, { content: found });
    delete sources[name].urls;
  }
  return { ok: true };
}

function errorOutput(message) {
  return JSON.stringify({
    errors: [{ component: 'general', severity: 'error', type: 'IOError', message: message,
      formattedMessage: 'IOError: ' + message }],
  });
}

function normaliseOutput(text) {
  // solc 0.4.11 returns sources[*].legacyAST only; consumers expect sources[*].ast.
  let out;
  try { out = JSON.parse(text); } catch (e) { return text; }
  for (const name of Object.keys(out.sources || {})) {
    const s = out.sources[name];
    if (s && !s.ast && s.legacyAST) s.ast = s.legacyAST;
  }
  return JSON.stringify(out);
}

function compile(solc, inputText, readFile) {
  const major = solc.version().split('.').slice(0, 2).join('.');
  const modern = !['0.1', '0.2', '0.3', '0.4', '0.5'].includes(major);
  if (modern) return solc.compile(inputText, { import: readFile });
  if (typeof solc.compileStandardWrapper === 'function') return solc.compileStandardWrapper(inputText, readFile);
  return solc.compile(inputText, readFile);
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.mode === 'help' || args.mode === null) {
    process.stdout.write('usage: solc_wrapper.js --solc-dir DIR (--version | --standard-json [--allow-paths X])\n');
    return args.mode === 'help' ? 0 : 1;
  }
  if (args.mode === 'unsupported') {
    process.stderr.write('solc_wrapper.js: unsupported option ' + args.flag + ' (only --version and --standard-json)\n');
    return 1;
  }
  const solc = loadSolc(args.solcDir);
  if (args.mode === 'version') {
    // The native format, so that py-solc-x and crytic-compile parse it.
    process.stdout.write('solc, the solidity compiler commandline interface\nVersion: ' + solc.version() + '\n');
    return 0;
  }
  if (typeof solc.compileStandardWrapper !== 'function' && /^0\.[1-5]\./.test(solc.version())) {
    process.stdout.write(errorOutput('solc ' + solc.version() + ' has no standard JSON interface'));
    return 0;
  }
  const inputText = readStdin();
  let input;
  try {
    input = JSON.parse(inputText);
  } catch (e) {
    process.stdout.write(errorOutput('Invalid JSON input: ' + e.message));
    return 0;
  }
  const roots = [];
  if (args.basePath) roots.push(path.resolve(args.basePath));
  roots.push(process.cwd());
  for (const p of args.allowPaths) for (const q of p.split(',')) if (q) roots.push(path.resolve(q));
  const readFile = makeReader(roots);
  const inlined = inlineSources(input, readFile);
  if (!inlined.ok) {
    process.stdout.write(errorOutput(inlined.error));
    return 0;
  }
  const output = compile(solc, JSON.stringify(input), readFile);
  process.stdout.write(normaliseOutput(output));
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  process.stderr.write('solc_wrapper.js: ' + (e && e.message ? e.message : String(e)) + '\n');
  process.exitCode = 1;
}
