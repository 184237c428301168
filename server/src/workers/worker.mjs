// The entry of every worker thread of the heavy pool (pool.ts). Plain JavaScript because Node
// loads it before any TypeScript loader: it registers tsx (a no-op layer when the server already
// runs under tsx, the loader tests and scripts need otherwise), then loads the tasks.
import { register } from 'tsx/esm/api';

register();
const { tasks } = await import('./tasks.ts');

/** One job: `{ task, input }` → whatever the task returns (plain data or bytes). */
export default function run({ task, input }) {
  const work = tasks[task];
  if (!work) throw new Error(`unknown heavy task: ${task}`);
  return work(input);
}
