import { routes } from '@canbo/contract';
import type { App } from '../../../http.ts';
import { actorOf, sendFile } from '../../../http.ts';
import { register } from '../../../route.ts';
import { PDF, ZIP } from '../../../documents/file.ts';
import { certificatePdf, certificatesForPrinting, certificatesZip } from './certificate.files.ts';
import { issueCertificates as issue, listCertificates, revokeCertificate as revoke } from './certificates.service.ts';
import { getCertificatePattern, saveCertificatePattern } from './patterns.service.ts';
import { verifyCertificate } from './verify.service.ts';

/** Certificates: numbering patterns, issuing, the documents, revocation and public verification. */
export async function certificateRoutes(app: App): Promise<void> {
  const { training } = routes;
  register(app, training.pattern, async (req) => getCertificatePattern(app.ctx, actorOf(req), req.params));
  register(app, training.savePattern, async (req) =>
    saveCertificatePattern(app.ctx, actorOf(req), { ...req.body, unitId: req.params.unitId }),
  );
  register(app, training.certificates, async (req) =>
    listCertificates(app.ctx, actorOf(req), { ...req.query, id: req.params.id }),
  );
  register(app, training.issue, async (req) => issue(app.ctx, actorOf(req), { ...req.body, id: req.params.id }));
  register(app, training.zip, async (req, reply) =>
    sendFile(reply, ZIP, await certificatesZip(app.ctx, actorOf(req), req.params.id, req.query)),
  );
  register(app, training.printAll, async (req, reply) =>
    sendFile(reply, PDF, await certificatesForPrinting(app.ctx, actorOf(req), req.params.id, req.query)),
  );
  register(app, training.pdf, async (req, reply) =>
    sendFile(reply, PDF, await certificatePdf(app.ctx, actorOf(req), { ...req.query, id: req.params.id })),
  );
  register(app, training.revoke, async (req) => revoke(app.ctx, actorOf(req), { ...req.body, id: req.params.id }));
  register(app, training.verify, async (req) => verifyCertificate(app.ctx, req.params));
}
