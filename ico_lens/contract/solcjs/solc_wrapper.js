#!/usr/bin/env node
// A native-solc look-alike over solc-js, enough for py-solc-x and crytic-compile:
//
//   node solc_wrapper.js --solc-dir DIR --version
//   node solc_wrapper.js --solc-dir DIR --standard-json [--allow-paths X] [--base-path X] < input.json
//   node solc_wrapper.js --solc-dir DIR [PREFIX=PATH ...] FILE.sol ... --combined-json abi,ast,bin,... [--allow-paths X]
//
// DIR is an installed solc-js package (e.g. node_modules/solc-0.4.24). solc-js cannot read files, so
// every source given only by `urls` is inlined from disk (relative to --base-path, else the working
// directory) before compiling, and imports are answered from disk by a read callback. The output is
// normalised for old compilers: solc 0.4.11 only returns `legacyAST`, which is copied to `ast`.
// `--combined-json` (what `slither FILE.sol --solc LAUNCHER` and crytic-compile's solc platform run)
// is answered by a standard-JSON compile translated into native solc's combined JSON: compile errors
// go to stderr with exit code 1 and no JSON, warnings to stderr, as native solc does.
'use strict';

const fs = require('fs');
const { loadSolc, standardJson } = require('./solc_core');

function parseArgs(argv) {
  const args = {
    solcDir: process.env.ICO_LENS_SOLCJS_DIR || null, mode: null, allowPaths: [], basePath: null,
    combined: null, files: [], remappings: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--solc-dir') args.solcDir = argv[++i];
    else if (a === '--combined-json') { args.mode = 'combined-json'; args.combined = argv[++i] || ''; }
    else if (a.startsWith('--combined-json=')) { args.mode = 'combined-json'; args.combined = a.slice('--combined-json='.length); }
    else if (a === '--version' || a === '-v') args.mode = 'version';
    else if (a === '--standard-json') args.mode = 'standard-json';
    else if (a === '--allow-paths') args.allowPaths.push(argv[++i]);
    else if (a.startsWith('--allow-paths=')) args.allowPaths.push(a.slice('--allow-paths='.length));
    else if (a === '--base-path') args.basePath = argv[++i];
    else if (a.startsWith('--base-path=')) args.basePath = a.slice('--base-path='.length);
    else if (a === '--help' || a === '-h') args.mode = 'help';
    // other native flags (--bin, --ast-json, --optimize, ...) are not supported
    else if (a.startsWith('-')) { args.mode = 'unsupported'; args.flag = a; }
    else if (a.includes('=')) args.remappings.push(a); // context:prefix=target, as native solc takes them
    else args.files.push(a);
  }
  if (args.mode === 'combined-json' && args.files.length === 0) { args.mode = 'unsupported'; args.flag = '--combined-json without a source file'; }
  return args;
}

// --combined-json names -> standard-JSON output selection (per contract)
const COMBINED_SELECTION = {
  abi: 'abi', bin: 'evm.bytecode.object', 'bin-runtime': 'evm.deployedBytecode.object',
  srcmap: 'evm.bytecode.sourceMap', 'srcmap-runtime': 'evm.deployedBytecode.sourceMap',
  opcodes: 'evm.bytecode.opcodes', hashes: 'evm.methodIdentifiers', userdoc: 'userdoc', devdoc: 'devdoc',
  metadata: 'metadata', asm: 'evm.legacyAssembly',
};

function versionTuple(text) {
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(text || '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
}

function atLeast(v, w) {
  for (let i = 0; i < 3; i++) if (v[i] !== w[i]) return v[i] > w[i];
  return true;
}

// The standard-JSON request for a --combined-json command line (sources read from disk by name).
function combinedRequest(args, version) {
  const wanted = args.combined.split(',').map((s) => s.trim()).filter(Boolean);
  const perContract = [...new Set(wanted.map((w) => COMBINED_SELECTION[w]).filter(Boolean))];
  // native solc prints the compact AST with compact-format (0.4.12-0.8.9) and from 0.8.0 on, where
  // the legacy AST is gone; else the legacy one
  const compact = wanted.includes('compact-format') || atLeast(version, [0, 8, 0]);
  const sources = {};
  for (const f of args.files) sources[f] = { urls: [f] };
  const settings = { optimizer: { enabled: false }, outputSelection: { '*': { '*': perContract } } };
  if (wanted.includes('ast')) settings.outputSelection['*'][''] = [compact ? 'ast' : 'legacyAST'];
  if (args.remappings.length) settings.remappings = args.remappings;
  return { request: { language: 'Solidity', sources: sources, settings: settings }, wanted: wanted, compact: compact };
}

function pick(obj, dotted) {
  let v = obj;
  for (const k of dotted.split('.')) v = v == null ? undefined : v[k];
  return v;
}

// A standard-JSON output as native solc's --combined-json: {contracts: {"file:Name": {...}},
// sourceList, sources: {file: {AST}}, version}; abi/userdoc/devdoc/metadata are JSON text before 0.8.
function combinedOutput(output, wanted, compact, version, longVersion) {
  const asText = !atLeast(version, [0, 8, 0]);
  const contracts = {};
  for (const file of Object.keys(output.contracts || {})) {
    for (const name of Object.keys(output.contracts[file])) {
      const info = output.contracts[file][name];
      const entry = {};
      for (const w of wanted) {
        const sel = COMBINED_SELECTION[w];
        if (!sel) continue;
        let value = pick(info, sel);
        if (['abi', 'userdoc', 'devdoc'].includes(w)) {
          value = value === undefined ? (w === 'abi' ? [] : {}) : value;
          if (asText) value = JSON.stringify(value);
        } else if (w === 'metadata') {
          value = value === undefined ? '' : (asText || typeof value !== 'string' ? value : JSON.parse(value));
        } else if (value === undefined) {
          value = w === 'hashes' ? {} : '';
        }
        entry[w] = value;
      }
      contracts[file + ':' + name] = entry;
    }
  }
  const files = Object.keys(output.sources || {});
  files.sort((a, b) => (output.sources[a].id || 0) - (output.sources[b].id || 0));
  const sources = {};
  if (wanted.includes('ast')) {
    for (const f of files) {
      const s = output.sources[f];
      sources[f] = { AST: compact ? s.ast : (s.legacyAST || s.ast) };
    }
  } else {
    for (const f of files) sources[f] = {};
  }
  return { contracts: contracts, sourceList: files, sources: sources, version: longVersion };
}

function runCombined(args, solc) {
  const version = versionTuple(solc.version());
  const { request, wanted, compact } = combinedRequest(args, version);
  const options = { cwd: process.cwd(), basePath: args.basePath, allowPaths: args.allowPaths, env: process.env };
  const text = standardJson(args.solcDir, () => solc, JSON.stringify(request), options);
  const output = JSON.parse(text);
  const messages = (output.errors || []).map((e) => (e.formattedMessage || e.message || '').trimEnd());
  if (messages.length) process.stderr.write(messages.join('\n') + '\n');
  if ((output.errors || []).some((e) => e.severity === 'error')) return 1;
  process.stdout.write(JSON.stringify(combinedOutput(output, wanted, compact, version, solc.version())) + '\n');
  return 0;
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

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.mode === 'help' || args.mode === null) {
    process.stdout.write('usage: solc_wrapper.js --solc-dir DIR (--version | --standard-json [--allow-paths X] | [PREFIX=PATH] FILE.sol --combined-json LIST)\n');
    return args.mode === 'help' ? 0 : 1;
  }
  if (args.mode === 'unsupported') {
    process.stderr.write('solc_wrapper.js: unsupported option ' + args.flag + ' (only --version, --standard-json and FILE --combined-json)\n');
    return 1;
  }
  if (args.mode === 'version') {
    // The native format, so that py-solc-x and crytic-compile parse it.
    process.stdout.write('solc, the solidity compiler commandline interface\nVersion: ' + loadSolc(args.solcDir).version() + '\n');
    return 0;
  }
  if (args.mode === 'combined-json') return runCombined(args, loadSolc(args.solcDir));
  const options = { cwd: process.cwd(), basePath: args.basePath, allowPaths: args.allowPaths, env: process.env };
  process.stdout.write(standardJson(args.solcDir, () => loadSolc(args.solcDir), readStdin(), options));
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main();
  } catch (e) {
    process.stderr.write('solc_wrapper.js: ' + (e && e.message ? e.message : String(e)) + '\n');
    process.exitCode = 1;
  }
}

module.exports = { parseArgs };
