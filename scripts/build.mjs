// Bundles the CLI into dist/ so a command loads one file instead of hundreds of modules.
// Commands are imported lazily, so esbuild splits them into chunks loaded on demand.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';

const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

await rm(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { mentee: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  // Some CommonJS dependencies call require(); give the ESM bundle one, made on first use only
  // (making it starts Node's CommonJS loader, which `mentee --help` does not need).
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; let __requireOnce; const require = (id) => (__requireOnce ??= __createRequire(import.meta.url))(id);",
  },
  define: { MENTEE_VERSION: JSON.stringify(version) },
  minify: true,
  logLevel: 'warning',
});
