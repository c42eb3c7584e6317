// What the one-shot wrapper (solc_wrapper.js) and the warm server (solc_server.js) share: loading
// solc-js, inlining `urls` sources and answering imports from disk, the output cache, and the
// standard-JSON compile itself (with the translation of pre-0.4.11 legacy output).
'use strict';

const fs = require('fs');
const path = require('path');

function loadSolc(solcDir) {
  if (!solcDir) throw new Error('no solc-js package given (--solc-dir DIR or ICO_LENS_SOLCJS_DIR)');
  const wrapper = require(path.join(solcDir, 'wrapper.js'));
  const soljson = require(path.join(solcDir, 'soljson.js'));
  return wrapper(soljson);
}

function makeReader(roots) {
  // Resolve a source unit name against the base path and the allowed paths (first hit wins).
  const readFile = function (name) {
    readFile.used = true;
    const candidates = path.isAbsolute(name) ? [name] : roots.map((r) => path.join(r, name));
    for (const c of candidates) {
      try {
        if (fs.statSync(c).isFile()) return { contents: fs.readFileSync(c, 'utf8') };
      } catch (e) { /* try the next root */ }
    }
    return { error: 'File not found: ' + name };
  };
  readFile.used = false;
  return readFile;
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

// Output cache: solc-js is slow (seconds per token) and evaluations compile the same sources again
// and again. The key is the compiler package, this wrapper's translation version and the complete
// request with every source inlined; outputs are stored gzipped. Disabled by ICO_LENS_SOLC_CACHE=off
// (or a directory given there). Safe for batches: an entry is written to a temp file unique to the
// writer and renamed into place (atomic: concurrent or Dask workers never see half an entry); an
// entry that does not unzip to JSON is ignored and rebuilt; the directory is kept under
// ICO_LENS_SOLC_CACHE_MAX_MB (default 512) by removing the least recently used entries.
const CACHE_FORMAT = '1';
const DEFAULT_CACHE_MAX_MB = 512;
const ENTRY = '.json.gz';

function cacheDir(environ) {
  const env = environ.ICO_LENS_SOLC_CACHE;
  if (env === 'off' || env === '0') return null;
  if (env) return env;
  const base = environ.XDG_CACHE_HOME || path.join(require('os').homedir(), '.cache');
  return path.join(base, 'ico_lens', 'solc-out');
}

function cacheKey(solcDir, input) {
  let pkg = '';
  try { pkg = fs.readFileSync(path.join(solcDir, 'package.json'), 'utf8'); } catch (e) { return null; }
  const h = require('crypto').createHash('sha256');
  h.update(CACHE_FORMAT + '\0' + JSON.parse(pkg).version + '\0' + path.basename(solcDir) + '\0');
  h.update(JSON.stringify(input));
  return h.digest('hex');
}

function cachePath(dir, key) {
  return path.join(dir, key.slice(0, 2), key + ENTRY);
}

function cacheGet(dir, key) {
  if (!dir || !key) return null;
  const file = cachePath(dir, key);
  let text;
  try {
    text = require('zlib').gunzipSync(fs.readFileSync(file)).toString('utf8');
    JSON.parse(text);  // a corrupt entry (truncated, overwritten) is a miss: it is compiled and rewritten
  } catch (e) { return null; }
  try { const now = new Date(); fs.utimesSync(file, now, now); } catch (e) { /* recency is a nicety */ }
  return text;
}

function cachePut(dir, key, text, environ) {
  if (!dir || !key) return;
  try {
    const sub = path.join(dir, key.slice(0, 2));
    fs.mkdirSync(sub, { recursive: true });
    const tmp = path.join(sub, key + '.tmp' + process.pid + '.' + require('crypto').randomBytes(6).toString('hex'));
    fs.writeFileSync(tmp, require('zlib').gzipSync(text));
    fs.renameSync(tmp, cachePath(dir, key));
    pruneCache(dir, environ);
  } catch (e) { /* a read-only or full cache is not an error */ }
}

function cacheLimitBytes(environ) {
  const mb = Number(environ.ICO_LENS_SOLC_CACHE_MAX_MB);
  return (Number.isFinite(mb) && mb >= 0 ? mb : DEFAULT_CACHE_MAX_MB) * 1024 * 1024;
}

function pruneCache(dir, environ) {
  // least recently used first; an entry another writer removed meanwhile is skipped
  const entries = [];
  for (const sub of fs.readdirSync(dir)) {
    let names;
    try { names = fs.readdirSync(path.join(dir, sub)); } catch (e) { continue; }
    for (const name of names) {
      if (!name.endsWith(ENTRY)) continue;
      const file = path.join(dir, sub, name);
      try { const st = fs.statSync(file); entries.push({ file: file, size: st.size, used: st.mtimeMs }); } catch (e) { /* gone */ }
    }
  }
  let total = entries.reduce((sum, e) => sum + e.size, 0);
  const limit = cacheLimitBytes(environ);
  entries.sort((a, b) => a.used - b.used);
  for (const e of entries) {
    if (total <= limit) break;
    try { fs.unlinkSync(e.file); } catch (err) { /* another writer pruned it */ }
    total -= e.size;
  }
}

function compile(solc, inputText, readFile) {
  const major = solc.version().split('.').slice(0, 2).join('.');
  const modern = !['0.1', '0.2', '0.3', '0.4', '0.5'].includes(major);
  if (modern) return solc.compile(inputText, { import: readFile });
  if (typeof solc.compileStandardWrapper === 'function') return solc.compileStandardWrapper(inputText, readFile);
  return compileLegacy(solc, JSON.parse(inputText), readFile);
}

// Compilers before 0.4.11 have no standard JSON: run their legacy multi-file interface and translate
// its output (contracts "file:Name" with interface/bytecode/srcmap, sources[*].AST, error strings)
// into the standard-JSON shape, with the legacy AST as `ast`.
function compileLegacy(solc, input, readFile) {
  const sources = {};
  for (const name of Object.keys(input.sources || {})) sources[name] = input.sources[name].content;
  const settings = input.settings || {};
  const optimize = settings.optimizer && settings.optimizer.enabled ? 1 : 0;
  const raw = solc.compile({ sources: sources }, optimize, readFile);
  const out = { sources: {}, contracts: {}, errors: [] };
  for (const e of raw.errors || []) {
    const text = String(e);
    const warning = /^[^\n]*\bWarning:/.test(text);
    const type = (text.match(/\b(\w*Error|Warning):/) || [null, 'Error'])[1];
    out.errors.push({ component: 'general', severity: warning ? 'warning' : 'error', type: type,
      message: text.split('\n')[0], formattedMessage: text });
  }
  const sourceList = raw.sourceList || Object.keys(raw.sources || {});
  const nameToFile = {};
  for (const file of Object.keys(raw.sources || {})) {
    const ast = raw.sources[file].AST;
    out.sources[file] = { id: sourceList.indexOf(file), ast: ast, legacyAST: ast };
    for (const node of (ast && ast.children) || []) {
      if (node.name === 'ContractDefinition' && node.attributes) nameToFile[node.attributes.name] = file;
    }
  }
  const files = Object.keys(out.sources);
  for (const key of Object.keys(raw.contracts || {})) {
    const c = raw.contracts[key];
    const colon = key.lastIndexOf(':');
    const name = colon >= 0 ? key.slice(colon + 1) : key;
    const file = colon >= 0 ? key.slice(0, colon) : (nameToFile[name] || files[0]);
    let abi = [];
    try { abi = JSON.parse(c.interface || '[]'); } catch (e) { /* keep [] */ }
    out.contracts[file] = out.contracts[file] || {};
    out.contracts[file][name] = {
      abi: abi,
      metadata: c.metadata || '',
      userdoc: {}, devdoc: {},
      evm: {
        bytecode: { object: c.bytecode || '', sourceMap: c.srcmap || '', opcodes: c.opcodes || '', linkReferences: {} },
        deployedBytecode: { object: c.runtimeBytecode || '', sourceMap: c.srcmapRuntime || '', linkReferences: {} },
      },
    };
  }
  return JSON.stringify(out);
}

// One standard-JSON request, as native solc answers it: returns the output text (compile errors are
// in its `errors`). `getSolc()` returns the loaded compiler (called only on a cache miss);
// `options` = { cwd, basePath, allowPaths: [..], env } with `env` the caller's environment (the
// output cache settings are read from it, so a server honours each client's settings).
function standardJson(solcDir, getSolc, inputText, options) {
  let input;
  try {
    input = JSON.parse(inputText);
  } catch (e) {
    return errorOutput('Invalid JSON input: ' + e.message);
  }
  const environ = options.env || process.env;
  const roots = [];
  if (options.basePath) roots.push(path.resolve(options.cwd, options.basePath));
  roots.push(options.cwd);
  for (const p of options.allowPaths || []) for (const q of p.split(',')) if (q) roots.push(path.resolve(options.cwd, q));
  const readFile = makeReader(roots);
  const inlined = inlineSources(input, readFile);
  if (!inlined.ok) return errorOutput(inlined.error);
  const dir = cacheDir(environ);
  const key = dir ? cacheKey(solcDir, input) : null;
  const cached = cacheGet(dir, key);
  if (cached !== null) return cached;
  readFile.used = false;
  const output = normaliseOutput(compile(getSolc(), JSON.stringify(input), readFile));
  // imports answered from disk are not part of the key: such outputs are not cached
  if (!readFile.used) cachePut(dir, key, output, environ);
  return output;
}

module.exports = { loadSolc, standardJson, errorOutput };
