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
const { loadSolc, standardJson } = require('./solc_core');

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
    process.stdout.write('usage: solc_wrapper.js --solc-dir DIR (--version | --standard-json [--allow-paths X])\n');
    return args.mode === 'help' ? 0 : 1;
  }
  if (args.mode === 'unsupported') {
    process.stderr.write('solc_wrapper.js: unsupported option ' + args.flag + ' (only --version and --standard-json)\n');
    return 1;
  }
  if (args.mode === 'version') {
    // The native format, so that py-solc-x and crytic-compile parse it.
    process.stdout.write('solc, the solidity compiler commandline interface\nVersion: ' + loadSolc(args.solcDir).version() + '\n');
    return 0;
  }
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
