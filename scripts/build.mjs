// Bundles the CLI into one CommonJS file, dist/mentee.cjs, which bin/mentee.cjs runs through V8's
// code cache. Modules the source imports lazily (schema validation, date parsing, the lock) stay lazy
// inside the bundle: esbuild wraps them so their code runs only when first imported. The prompt
// library (two thirds of all the code), the export libraries and the edit form with its yaml library
// are bundles of their own, so the many runs that neither ask, export nor edit do not even read them.
import { build } from 'esbuild';
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
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

// Bundles of their own, required by the main one only when needed. They share no module with it, so
// no class is ever defined twice (an error thrown in one is still an instance in the other).
const apart = {
  'inquirer-prompter': { entry: 'src/ui/inquirer-prompter.ts', file: 'prompter.cjs' },
  'export-libraries': { entry: 'src/ui/export/export-libraries.ts', file: 'export-libraries.cjs' },
  // The form of `mentee edit` and the yaml library it writes and reads it with.
  'edit-form': { entry: 'src/ui/edit-form.ts', file: 'edit-form.cjs' },
  // The regex engine (RE2) that runs the user's identifier patterns: read only when they have some.
  'identifier-regex': { entry: 'src/config/identifier-regex.ts', file: 'identifier-regex.cjs' },
};
for (const { entry, file } of Object.values(apart)) {
  await build({ ...common, entryPoints: [entry], outfile: `${root}dist/${file}` });
}
const bundlesApart = {
  name: 'bundles-apart',
  setup(esbuild) {
    esbuild.onResolve({ filter: /\/(inquirer-prompter|export-libraries|edit-form|identifier-regex)\.js$/ }, (args) => {
      const name = /([\w-]+)\.js$/.exec(args.path)[1];
      return { path: `./${apart[name].file}`, external: true };
    });
  },
};
await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: `${root}dist/mentee.cjs`,
  plugins: [bundlesApart],
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

// The manual page, dist/mentee.1 (package.json "man": npm puts it where `man mentee` finds it), written
// from the one command list by src/cli/man-page.ts and turned into roff by marked-man.
const manPage = await build({
  ...common,
  entryPoints: ['src/cli/man-page.ts'],
  write: false,
  outfile: 'man-page.cjs',
  sourcemap: false,
  minify: false,
  plugins: [bundlesApart],
  define: { MENTEE_VERSION: JSON.stringify(version), 'import.meta.url': '"file:///man-page.cjs"' },
});
const manModule = { exports: {} };
new Function('module', 'exports', 'require', manPage.outputFiles[0].text)(
  manModule,
  manModule.exports,
  createRequire(import.meta.url),
);
const [{ Marked }, { default: markedMan }] = await Promise.all([import('marked'), import('marked-man')]);
markedMan.manVersion = version;
const roff = new Marked(markedMan, { manual: 'mentee manual', gfm: false }).parse(manModule.exports.manPageMarkdown());
await writeFile(`${root}dist/mentee.1`, roff);
