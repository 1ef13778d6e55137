// Bundles the CLI into one CommonJS file, dist/mentee.cjs, which bin/mentee.cjs runs through V8's
// code cache. Modules the source imports lazily (schema validation, date parsing, the lock) stay lazy
// inside the bundle: esbuild wraps them so their code runs only when first imported. The prompt
// library, two thirds of all the code, is a bundle of its own (dist/prompter.cjs), so the many runs
// that ask nothing do not even read it.
import { build } from 'esbuild';
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const { version } = JSON.parse(await readFile(`${root}package.json`, 'utf8'));

await rm(`${root}dist`, { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minify: process.env.MENTEE_BUILD_PLAIN !== '1',
  // import() of another bundle becomes require(), which the launcher provides.
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: ['src/ui/inquirer-prompter.ts'],
  outfile: `${root}dist/prompter.cjs`,
});
await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: `${root}dist/mentee.cjs`,
  plugins: [
    {
      name: 'prompter-apart',
      setup(esbuild) {
        esbuild.onResolve({ filter: /\/inquirer-prompter\.js$/ }, () => ({ path: './prompter.cjs', external: true }));
      },
    },
  ],
  banner: {
    js: [
      // Names this build, so a code cache made for another build is never used with it (V8 itself
      // only checks that the source has the same length).
      `// mentee build ${randomBytes(8).toString('hex')}`,
      // The source is ESM; in the CommonJS bundle import.meta.url is this file's URL.
      "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;",
    ].join('\n'),
  },
  define: { MENTEE_VERSION: JSON.stringify(version), 'import.meta.url': '__bundleUrl' },
});
