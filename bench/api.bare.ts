/**
 * The bare route api.bench.ts compares Canbo with: Fastify alone, no hooks, no session, no
 * database, answering GET /people with the JSON Canbo's people list returned (read from the file
 * given as the first argument, parsed once and serialised on every request as Fastify does).
 * It listens on 127.0.0.1 at the port given second. A process of its own, like the server, so
 * both share the machine with the load generator alike.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error('usage: api.bare.ts <body.json> <port>');
const body: unknown = JSON.parse(readFileSync(file, 'utf8'));

const app = Fastify({ logger: false });
app.get('/people', async () => body);
await app.listen({ port: Number(port), host: '127.0.0.1' });
