import { setFlagsFromString } from 'node:v8';

// Imported first by main.ts, before anything allocates much. V8 sizes its heaps for throughput by
// default: after a run of exports the request thread's heap stayed 40 MB larger than it needed, and
// with every job the server's memory ratcheted up (bench:heavy's full sequence peaked at 416 MB,
// over the 400 MB the server must stay under on a small machine). Tuned for size, V8 collects
// sooner and gives memory back: the same sequence peaks at 252 MB, and the request thread's
// latency is unchanged. The cost is in the heavy jobs, up to twice as long for the small ones
// (a 500-trainee sign-in PDF in 230 ms instead of 110 ms, the 500-certificate ZIP 18 % longer):
// memory is what a small server runs out of, not patience for a file. Worker threads, started
// later, are tuned the same way.
setFlagsFromString('--optimize-for-size');
