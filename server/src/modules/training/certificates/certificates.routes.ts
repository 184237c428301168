import {
  certificate,
  certificateDocumentQuery,
  certificateListQuery,
  certificatePage,
  certificatePattern,
  certificatePatternInput,
  certificatePatternParams,
  idParams,
  issueCertificates,
  issuedCertificates,
  publicCertificate,
  revokeCertificate,
  verifyParams,
} from '@canbo/contract';
import type { App } from '../../../http.ts';
import { actorOf, sendFile } from '../../../http.ts';
import { PDF, ZIP } from '../../../documents/file.ts';
import { certificatePdf, certificatesForPrinting, certificatesZip } from './certificate.files.ts';
import { issueCertificates as issue, listCertificates, revokeCertificate as revoke } from './certificates.service.ts';
import { getCertificatePattern, saveCertificatePattern } from './patterns.service.ts';
import { verifyCertificate } from './verify.service.ts';

/** Certificates: numbering patterns, issuing, the documents, revocation and public verification. */
export async function certificateRoutes(app: App): Promise<void> {
  const tags = ['training'];

  app.get(
    '/training/certificate-patterns/:unitId',
    { schema: { tags, params: certificatePatternParams, response: { 200: certificatePattern } } },
    async (req) => getCertificatePattern(app.ctx, actorOf(req), req.params),
  );

  app.put(
    '/training/certificate-patterns/:unitId',
    {
      schema: {
        tags,
        params: certificatePatternParams,
        body: certificatePatternInput,
        response: { 200: certificatePattern },
      },
    },
    async (req) => saveCertificatePattern(app.ctx, actorOf(req), { ...req.body, unitId: req.params.unitId }),
  );

  app.get(
    '/training/classes/:id/certificates',
    { schema: { tags, params: idParams, querystring: certificateListQuery, response: { 200: certificatePage } } },
    async (req) => listCertificates(app.ctx, actorOf(req), { ...req.query, id: req.params.id }),
  );

  app.post(
    '/training/classes/:id/certificates',
    { schema: { tags, params: idParams, body: issueCertificates, response: { 201: issuedCertificates } } },
    async (req, reply) => reply.code(201).send(await issue(app.ctx, actorOf(req), { ...req.body, id: req.params.id })),
  );

  app.get(
    '/training/classes/:id/certificates.zip',
    { schema: { tags, params: idParams, querystring: certificateDocumentQuery } },
    async (req, reply) => sendFile(reply, ZIP, await certificatesZip(app.ctx, actorOf(req), req.params.id, req.query)),
  );

  app.get(
    '/training/classes/:id/certificates.pdf',
    { schema: { tags, params: idParams, querystring: certificateDocumentQuery } },
    async (req, reply) =>
      sendFile(reply, PDF, await certificatesForPrinting(app.ctx, actorOf(req), req.params.id, req.query)),
  );

  app.get(
    '/training/certificates/:id/certificate.pdf',
    { schema: { tags, params: idParams, querystring: certificateDocumentQuery } },
    async (req, reply) =>
      sendFile(reply, PDF, await certificatePdf(app.ctx, actorOf(req), { ...req.query, id: req.params.id })),
  );

  app.post(
    '/training/certificates/:id/revoke',
    { schema: { tags, params: idParams, body: revokeCertificate, response: { 200: certificate } } },
    async (req) => revoke(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );

  // The page a certificate's QR code opens: no session, and only what the paper itself shows.
  app.get(
    '/public/certificates/:code',
    { config: { public: true }, schema: { tags, params: verifyParams, response: { 200: publicCertificate } } },
    async (req) => verifyCertificate(app.ctx, req.params),
  );
}
