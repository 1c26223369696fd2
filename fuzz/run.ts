/**
 * `npm run fuzz`: every property over at least 10,000 generated cases, each case timed in
 * CPU milliseconds (process.cpuUsage). Prints property -> cases -> failures -> max CPU ms
 * and fails when any case failed or took more CPU than its property's budget (100 ms on an
 * interaction's path). Options:
 * `--runs N` (default 10000), `--seed S` (to replay), `--only <text>` (properties whose name
 * contains it).
 */
import { createWorld, PROPERTIES, type Survey } from './properties';

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<number> {
  const runs = Number(argument('--runs') ?? 10_000);
  const seed = argument('--seed') !== undefined ? Number(argument('--seed')) : Date.now() % 2 ** 31;
  const only = argument('--only');
  const world = await createWorld();
  const surveys: Survey[] = [];
  process.stdout.write(`fuzz: ${runs} cases per property, seed ${seed}\n`);
  try {
    for (const property of PROPERTIES) {
      if (only && !property.name.includes(only)) continue;
      const started = performance.now();
      const survey = await property.survey(world, runs, seed);
      surveys.push(survey);
      process.stderr.write(
        `  ${property.name}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
    }
  } finally {
    await world.close();
  }
  const over = (s: Survey) => s.maxCpuMs > s.budgetMs;
  const rows = surveys.map((s) => [
    s.name,
    String(s.cases),
    String(s.failures),
    s.maxCpuMs.toFixed(1),
    String(s.budgetMs),
    s.failures > 0 || over(s) ? 'FAIL' : 'ok',
  ]);
  const header = ['property', 'cases', 'failures', 'max CPU ms', 'budget ms', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  process.stdout.write(
    `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`,
  );
  for (const s of surveys) {
    if (s.firstFailure) process.stdout.write(`\n${s.name}: first failure: ${s.firstFailure}\n`);
    if (over(s)) process.stdout.write(`\n${s.name}: slowest case: ${s.slowest}\n`);
  }
  const failed = surveys.some((s) => s.failures > 0 || over(s));
  if (failed) process.stdout.write('\nFAILED (a failure, or a case over its CPU budget)\n');
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  },
);
