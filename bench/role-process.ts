/**
 * One bench role in a Node process of its own, as the bot runs it: the parent forks a
 * role's entry module with tsx, sends it one input over IPC and waits for one result. The
 * child's heap then holds only what that role holds (no corpus, no other archive), so its
 * peak RSS and its CPU per call are the role's own; `process.cpuUsage` also bills the GC
 * threads collecting the whole heap, which the parent's corpus would otherwise inflate.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type RoleMessage<O> = { kind: 'result'; value: O } | { kind: 'error'; message: string };

/** tsx's loader, resolved here so the child finds it whatever the working directory. */
const tsxLoader = import.meta.resolve('tsx');

/** Forks `entry` (a module URL or path), sends it `input`, resolves with its one result. */
export function runRole<I, O>(entry: string | URL, input: I): Promise<O> {
  const file = entry instanceof URL || entry.startsWith('file:') ? fileURLToPath(entry) : entry;
  return new Promise<O>((resolve, reject) => {
    const child = fork(file, [], {
      // Not the parent's flags: a `--cpu-prof` or heap limit given to the bench is not the role's.
      execArgv: ['--import', tsxLoader],
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
