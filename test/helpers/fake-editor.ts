import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * An editor for `mentee edit` that is a node script in `dir`: it keeps a copy of the form it opened in
 * `seen` (when given), runs `body` (JavaScript with the form's path as `file` and its text as `text`,
 * which it may change), then saves `text` back. Returns the command to give as $EDITOR.
 */
export async function editorScript(dir: string, body: string, { seen }: { seen?: string } = {}): Promise<string> {
  const path = join(dir, `editor-${randomBytes(4).toString('hex')}.mjs`);
  await writeFile(
    path,
    [
      `import { readFileSync, writeFileSync } from 'node:fs';`,
      `const file = process.argv[2];`,
      `let text = readFileSync(file, 'utf8');`,
      ...(seen ? [`writeFileSync(${JSON.stringify(seen)}, text);`] : []),
      body,
      `writeFileSync(file, text);`,
      '',
    ].join('\n'),
  );
  return `node ${path}`;
}

/** Run options for mentee with `command` as the editor ($VISUAL unset, so $EDITOR is the one used). */
export function withEditor(journal: string, command: string) {
  return { journal, env: { EDITOR: command, VISUAL: undefined } };
}
