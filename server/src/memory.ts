import { setFlagsFromString } from 'node:v8';

// Imported first by main.ts, before anything allocates much. V8 sizes its heaps for throughput by
// default, letting a heap grow up to several times what it holds before it collects: after a run of
// exports the request thread's heap stayed 40 MB larger than it needed, and with every job the
// server's memory ratcheted up (bench:heavy's full sequence peaked at 416 MB, over the 400 MB the
// server must stay under on a small machine). Here a heap grows by at most 30 % of what it holds
// before its next full collection (the same sequence peaks at 292 MB).
//
// V8's `--optimize-for-size`, set here before, kept the memory lower still (252 MB) but made the
// code itself slower, and unevenly so: the same 100,000-row import's write took 5 to 14 s of CPU
// from one run to the next (3.4–4.8 s with this flag), the heavy jobs ran half as often, and the
// import's previews could not keep within 2.5 × the bare read of the sheet (bench/RESULTS.md).
// Worker threads, started later, grow their heaps by the same rule.
setFlagsFromString('--heap-growing-percent=30');
