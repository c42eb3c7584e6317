// Where the warm server of one solc-js package listens: a Unix socket, its pid file and start lock,
// one set per package, in ICO_LENS_SOLC_RUN_DIR, else $XDG_CACHE_HOME (or ~/.cache)/ico_lens/solc-run.
// A socket path must stay under ~104 bytes: a longer one moves to $TMPDIR/ico_lens-solc-run-UID.
// ico_lens/contract/solc.py (warm_run_dirs) mirrors these rules.
'use strict';

const crypto = require('crypto');
const os = require('os');
const path = require('path');

const MAX_SOCKET_PATH = 100;

function runDir(environ) {
  if (environ.ICO_LENS_SOLC_RUN_DIR) return environ.ICO_LENS_SOLC_RUN_DIR;
  const base = environ.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'ico_lens', 'solc-run');
}

function fallbackRunDir() {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  return path.join(os.tmpdir(), 'ico_lens-solc-run-' + uid);
}

// The files of the server for `solcDir` (an installed solc-js package).
function serverFiles(solcDir, environ) {
  const real = path.resolve(solcDir);
  const digest = crypto.createHash('sha256').update(real + '\0' + __dirname).digest('hex').slice(0, 10);
  const name = path.basename(real) + '-' + digest;
  let dir = runDir(environ);
  if (path.join(dir, name + '.sock').length > MAX_SOCKET_PATH) dir = fallbackRunDir();
  const base = path.join(dir, name);
  return { dir: dir, socket: base + '.sock', pid: base + '.pid', lock: base + '.lock', log: base + '.log' };
}

module.exports = { serverFiles };
