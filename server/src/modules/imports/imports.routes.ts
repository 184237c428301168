import multipart from '@fastify/multipart';
import { routes } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf, sendFile } from '../../http.ts';
import { XLSX } from '../../documents/file.ts';
import { register } from '../../route.ts';
import { importFile, MAX_IMPORT_BYTES } from './imports.file.ts';
import { importErrorsSheet, importTemplate, uploadImport } from './imports.service.ts';

export async function importsRoutes(app: App): Promise<void> {
  // Only this plugin's routes take multipart bodies: one sheet each.
  await app.register(multipart, { limits: { files: 1, fileSize: MAX_IMPORT_BYTES, fields: 5, parts: 6 } });
  const { imports } = routes;
  register(app, imports.template, async (req, reply) =>
    sendFile(reply, XLSX, await importTemplate(app.ctx, actorOf(req), { kind: req.params.importKind })),
  );
  register(app, imports.upload, async (req) =>
    uploadImport(app.ctx, actorOf(req), { ...req.query, kind: req.params.importKind, file: await importFile(req) }),
  );
  register(app, imports.errors, async (req, reply) =>
    sendFile(
      reply,
      XLSX,
      await importErrorsSheet(app.ctx, actorOf(req), { kind: req.params.importKind, file: await importFile(req) }),
    ),
  );
}
