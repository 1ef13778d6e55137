/**
 * Whether the settings file may name commands to run (editor, passphraseCommand). As git refuses a
 * repository someone else owns: a file that another user owns or can change, or that sits in a folder
 * they own or can write (where they could swap it), is not trusted to run anything as you. Followed
 * through a link, the real file and its folder must pass too. Looked at only when the file sets a command.
 */
import { lstatSync, realpathSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { nameOf } from '../store/file-errors.js';
import { currentUser, isOwnEntry, shellWord } from '../store/safe-files.js';

/** Why the file at `file` may not run commands, with the fix, as "…, so … (fix: …)"; undefined when it may. */
export function distrust(file: string): { why: string; fix: string } | undefined {
  if (process.getuid === undefined) return undefined; // no owners (Windows): nothing to check
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return { why: 'it cannot be followed to a real file', fix: `rm ${shellWord(file)}` };
  }
  const places: [string, 'file' | 'folder'][] = [
    [real, 'file'],
    [dirname(real), 'folder'],
  ];
  // Through a link, the link's own folder could have it pointed elsewhere.
  if (real !== file) places.push([dirname(file), 'folder']);
  for (const [path, kind] of places) {
    const info = lstatSync(path, { throwIfNoEntry: false });
    if (!info) return { why: `${path} is gone`, fix: `rm ${shellWord(file)}` };
    const problem = problemOf(path, info, kind === 'folder');
    if (problem) return problem;
  }
  return undefined;
}

function problemOf(path: string, info: Stats, folder: boolean): { why: string; fix: string } | undefined {
  const what = folder ? `its folder ${path}` : path;
  if (!isOwnEntry(info, currentUser()))
    return {
      why: `${what} belongs to ${nameOf(info.uid)}, not you`,
      fix: `if you trust it, make it yours: chown ${nameOf(currentUser().uid)} ${shellWord(path)}`,
    };
  // A sticky folder (/tmp) is shared on purpose: others may add files there, never replace yours.
  if (info.mode & 0o022 && !(folder && info.mode & 0o1000))
    return { why: `other users can write ${what}`, fix: `chmod go-w ${shellWord(path)}` };
  return undefined;
}
