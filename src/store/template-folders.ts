import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { userConfigDir } from './paths.js';

export type TemplateKind = 'prep' | 'export';

/** templates/<kind> as shipped with mentee, found from this file whether bundled into dist/ or run from src/. */
export function builtInFolder(kind: TemplateKind): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'templates', kind))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('mentee is installed without its templates folder');
    folder = parent;
  }
  return join(folder, 'templates', kind);
}

/** Where the user's own templates of a kind go: the platform's config folder (XDG_CONFIG_HOME on Linux). */
export function userFolder(kind: TemplateKind): string {
  return join(userConfigDir(), 'templates', kind);
}
