#!/usr/bin/env node
'use strict';
// Starts mentee: runs the one-file bundle in dist/ and hands it the command line. Node 20 has no
// compile cache for modules, so the bundle is compiled through V8's code cache, kept beside it in
// dist/.code-cache (one file per command, owner-only), which roughly halves the time spent compiling.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { wrap, createRequire } = require('node:module');

const bundle = path.join(__dirname, '..', 'dist', 'mentee.cjs');
const source = fs.readFileSync(bundle, 'utf8');
const cacheFile = codeCacheFile();
const cachedData = cacheFile && readOwnFile(cacheFile);

const script = new vm.Script(wrap(source), { filename: bundle, cachedData });
const module_ = { exports: {} };
script.runInThisContext()(module_.exports, createRequire(bundle), module_, bundle, path.dirname(bundle));
module_.exports.main(process.argv).then(() => {
  if (cacheFile && (!cachedData || script.cachedDataRejected) && !process.exitCode) saveCodeCache(cacheFile);
});

/**
 * dist/.code-cache/<build>-<node>-<command>.bin, or none when dist/ belongs to someone else. Help has
 * caches of its own: one made while printing `mentee status --help` lacks the code `mentee status` runs.
 */
function codeCacheFile() {
  const build = /^\/\/ mentee build ([0-9a-f]+)\n/.exec(source.slice(0, 64));
  const folder = path.join(__dirname, '..', 'dist');
  if (!build || !process.getuid || fs.statSync(folder).uid !== process.getuid()) return undefined;
  const words = process.argv.slice(2);
  const command = words.find((word) => !word.startsWith('-')) ?? 'none';
  if (!/^(__)?[a-z]{1,20}$/.test(command)) return undefined;
  const help = words.includes('--help') || words.includes('-h') ? '-help' : '';
  return path.join(folder, '.code-cache', `${build[1]}-${process.versions.v8}-${command}${help}.bin`);
}

/** A cache is compiled code, so only one that is ours and that nobody else could have written is used. */
function readOwnFile(file) {
  try {
    const descriptor = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    try {
      const { uid, mode } = fs.fstatSync(descriptor);
      return uid === process.getuid() && (mode & 0o022) === 0 ? fs.readFileSync(descriptor) : undefined;
    } finally {
      fs.closeSync(descriptor);
    }
  } catch {
    return undefined;
  }
}

/** Best effort, after the command has finished: a cache that cannot be written only makes the next start slower. */
function saveCodeCache(file) {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600, flag: 'wx' });
    fs.renameSync(temporary, file);
  } catch {
    // The next run compiles from source, as it would with no cache at all.
  }
}
