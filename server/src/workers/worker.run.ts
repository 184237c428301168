import { setPriority } from 'node:os';
import { move } from 'piscina';
import { tasks } from './tasks.ts';

// On Linux a thread's nice value is its own: this worker yields the CPU to the thread answering
// requests whenever both want it, so a heavy job slows down before anyone else's request does.
// (Elsewhere it would lower the whole process, so it is left as it is.)
if (process.platform === 'linux') setPriority(10);

type TaskName = keyof typeof tasks;

/** One job: `{ task, input }` → whatever the task returns (plain data or bytes). */
export default async function run({ task, input }: { task: TaskName; input: never }): Promise<unknown> {
  const work = tasks[task] as ((input: never) => Promise<unknown>) | undefined;
  if (!work) throw new Error(`unknown heavy task: ${task}`);
  const result = await work(input);
  // Bytes that own their whole buffer (a ZIP, a large PDF) are handed over instead of copied, so a
  // 15 MB ZIP is not held twice. Small Buffers share Node's pool and must be copied.
  const owned =
    result instanceof Uint8Array && result.byteOffset === 0 && result.byteLength === result.buffer.byteLength;
  return owned ? move(result) : result;
}
