/**
 * One bench role in a Node process of its own, as the bot runs it: the parent forks a
 * role's entry module, sends it one input over IPC and waits for one result. The child's
 * heap then holds only what that role holds (no corpus, no other archive), so its peak RSS
 * and its CPU per call are the role's own; `process.cpuUsage` also bills the GC threads
 * collecting the whole heap, which the parent's corpus would otherwise inflate.
 *
 * The child runs compiled JavaScript, as the deployed bot does (`npm start` runs what
 * scripts/build.mjs made): the roles and what they import are compiled once per bench
 * process with the same script (tsconfig.bench-roles.json). Under tsx's loader instead, a
 * role paid ~50 MB of RSS and the compiling of every module it loaded. Should that build
 * fail, the roles run under tsx, and a line says so.
 */
import { fork, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

type RoleMessage<O> = { kind: 'result'; value: O } | { kind: 'error'; message: string };

/** tsx's loader, resolved here so the child finds it whatever the working directory. */
const tsxLoader = import.meta.resolve('tsx');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

let compiled: Promise<string | undefined> | undefined;

/**
 * The folder the roles were compiled to, or undefined if that failed. Inside the project
 * (.cache/, as the compiled-bot test builds), so that the compiled modules find the
 * packages in node_modules as dist/ does.
 */
function compiledRoles(): Promise<string | undefined> {
  compiled ??= new Promise((resolve) => {
    const cache = join(root, '.cache');
    mkdirSync(cache, { recursive: true });
    const out = mkdtempSync(join(cache, 'kilde-bench-roles-'));
    process.once('exit', () => rmSync(out, { recursive: true, force: true }));
    const build = spawn(
      process.execPath,
      [join(root, 'scripts/build.mjs'), out, 'tsconfig.bench-roles.json', '--noCheck'],
      { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    build.on('error', () => resolve(undefined));
    build.on('exit', (code) => resolve(code === 0 ? out : undefined));
  });
  return compiled;
}

/** The compiled module of a role's TypeScript entry, or undefined to run it under tsx. */
async function compiledEntry(file: string): Promise<string | undefined> {
  const out = await compiledRoles();
  const entry = out && join(out, relative(root, file).replace(/\.ts$/, '.js'));
  if (entry && existsSync(entry)) return entry;
  console.warn(`bench role ${relative(root, file)}: not compiled, run under tsx instead`);
  return undefined;
}

/** Forks `entry` (a module URL or path), sends it `input`, resolves with its one result. */
export async function runRole<I, O>(entry: string | URL, input: I): Promise<O> {
  const file = entry instanceof URL || entry.startsWith('file:') ? fileURLToPath(entry) : entry;
  const js = await compiledEntry(file);
  return new Promise<O>((resolve, reject) => {
    const child = fork(js ?? file, [], {
      // Not the parent's flags: a `--cpu-prof` or heap limit given to the bench is not the role's.
      execArgv: js ? [] : ['--import', tsxLoader],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let settled = false;
    child.on('message', (message: RoleMessage<O>) => {
      settled = true;
      if (message.kind === 'result') resolve(message.value);
      else reject(new Error(`bench role ${file}: ${message.message}`));
    });
    child.on('error', (error) => {
      settled = true;
      reject(error);
    });
    child.on('exit', (code, signal) => {
      if (!settled)
        reject(new Error(`bench role ${file} exited (${signal ?? code}) with no result`));
    });
    child.send(input as object);
  });
}

/**
 * The child's side: takes the one input, runs `work`, sends its result and exits (a store's
 * worker thread or timers must not keep a finished role alive).
 */
export function actAsRole<I, O>(work: (input: I) => Promise<O>): void {
  const send = (message: RoleMessage<O>): void => {
    process.send?.(message, undefined, {}, () => process.exit(message.kind === 'result' ? 0 : 1));
  };
  process.once('message', (input: I) => {
    work(input).then(
      (value) => send({ kind: 'result', value }),
      (error: unknown) =>
        send({
          kind: 'error',
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
  });
}
