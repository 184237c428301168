import multipart from '@fastify/multipart';
import { routes } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf, closedSignal, langOf, sendFile } from '../../http.ts';
import { XLSX } from '../../documents/file.ts';
import { register } from '../../route.ts';
import { SESSION_COOKIE } from '../../auth/session.ts';
import { importFile, MAX_IMPORT_BYTES } from './imports.file.ts';
import { progressOwner } from './imports.progress.ts';
import { importErrorsSheet, importProgress, importTemplate, uploadImport } from './imports.service.ts';

export async function importsRoutes(app: App): Promise<void> {
  // Only this plugin's routes take multipart bodies: one sheet each.
  await app.register(multipart, { limits: { files: 1, fileSize: MAX_IMPORT_BYTES, fields: 5, parts: 6 } });
  const { imports } = routes;
  register(app, imports.template, async (req, reply) =>
    sendFile(reply, XLSX, await importTemplate(app.ctx, actorOf(req), { kind: req.params.importKind })),
  );
  register(app, imports.upload, async (req, reply) => {
    // Cancelling is closing the connection: the upload stops where it is and writes nothing.
    const signal = closedSignal(reply);
    return uploadImport(app.ctx, actorOf(req), {
      ...req.query,
      kind: req.params.importKind,
      file: await importFile(req),
      owner: progressOwner(req.cookies[SESSION_COOKIE]),
      signal,
      lang: langOf(req),
    });
  });
  register(app, imports.progress, async (req) =>
    importProgress(app.ctx, { token: req.params.token, owner: progressOwner(req.cookies[SESSION_COOKIE]) }),
  );
  register(app, imports.errors, async (req, reply) =>
    sendFile(
      reply,
      XLSX,
      await importErrorsSheet(app.ctx, actorOf(req), {
        kind: req.params.importKind,
        file: await importFile(req),
        lang: langOf(req),
      }),
    ),
  );
}
