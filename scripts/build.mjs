// `npm run build`: compiles src/ and commands/ to dist/ with tsc, then makes the output
// loadable by plain Node. The sources import each other without extensions (resolved by
// TypeScript's "Bundler" resolution, tsx and vitest); Node's ESM loader needs the full file
// name, so each relative specifier in the emitted JavaScript gets its `.js` (or `/index.js`)
// here. Checking that the file exists keeps this exact: a specifier that matches nothing
// fails the build instead of the first start.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(root, process.argv[2] ?? 'dist');
// Another project and tsc options: bench/role-process.ts compiles the bench's roles with
// tsconfig.bench-roles.json and --noCheck (the typecheck has checked them already).
const project = path.resolve(root, process.argv[3] ?? 'tsconfig.build.json');
const tscOptions = process.argv.slice(4);

rmSync(outDir, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/typescript/bin/tsc'),
    '-p',
    project,
    '--outDir',
    outDir,
    ...tscOptions,
  ],
  { stdio: 'inherit', cwd: root },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

// `from './x'`, `import('./x')`, `export … from '../y'`: relative specifiers only.
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;
const problems = [];

function resolveSpecifier(file, specifier) {
  const base = path.resolve(path.dirname(file), specifier);
  if (/\.(m?js|json)$/.test(specifier) && existsSync(base)) return specifier;
  if (existsSync(`${base}.js`)) return `${specifier}.js`;
  if (existsSync(path.join(base, 'index.js'))) return `${specifier}/index.js`;
  problems.push(`${path.relative(root, file)}: cannot resolve '${specifier}'`);
  return specifier;
}

function rewrite(dir) {
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) rewrite(file);
    else if (entry.endsWith('.js')) {
      const source = readFileSync(file, 'utf8');
      const fixed = source.replace(
        SPECIFIER,
        (_, lead, quote, spec) => `${lead}${quote}${resolveSpecifier(file, spec)}${quote}`,
      );
      if (fixed !== source) writeFileSync(file, fixed);
    }
  }
}

rewrite(outDir);

// Files the code reads at run time beside itself (the lexicon's .tsv, the chart fonts) are
// not TypeScript, so tsc leaves them behind: copy them to the same place under dist/.
cpSync(path.join(root, 'src'), path.join(outDir, 'src'), {
  recursive: true,
  filter: (source) => statSync(source).isDirectory() || !/\.(ts|mjs)$/.test(source),
});
cpSync(path.join(root, 'assets'), path.join(outDir, 'assets'), { recursive: true });

if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(1);
}
