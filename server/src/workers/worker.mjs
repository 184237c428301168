// The heavy pool's thread entry when the server runs from its TypeScript sources (tests, scripts,
// tsx). Plain JavaScript because Node loads it before any TypeScript loader: it registers tsx, then
// runs the thread's code. The built server (scripts/build-server.mjs) has its own worker.mjs,
// compiled from worker.run.ts, with no loader.
import { register } from 'tsx/esm/api';

register();
const { default: run } = await import('./worker.run.ts');
export default run;
