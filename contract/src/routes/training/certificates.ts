import { idParams } from '../../common.ts';
import {
  certificate,
  certificateDocumentQuery,
  certificateListQuery,
  certificatePage,
  certificatePattern,
  certificatePatternInput,
  certificatePatternParams,
  issueCertificates,
  issuedCertificates,
  publicCertificate,
  revokeCertificate,
  verifyParams,
} from '../../training/certificates.ts';
import { defineRoute } from '../define.ts';

const tags = ['training'];

/** Certificates: numbering patterns, issuing, the documents, revocation and public verification. */
export const certificates = {
  pattern: defineRoute({
    method: 'GET',
    path: '/training/certificate-patterns/:unitId',
    tags,
    params: certificatePatternParams,
    responses: { 200: certificatePattern },
  }),
  savePattern: defineRoute({
    method: 'PUT',
    path: '/training/certificate-patterns/:unitId',
    tags,
    params: certificatePatternParams,
    body: certificatePatternInput,
    responses: { 200: certificatePattern },
    example: { version: 0, pattern: '{unit}-{seq:4}/{year}' },
  }),
  certificates: defineRoute({
    method: 'GET',
    path: '/training/classes/:id/certificates',
    tags,
    params: idParams,
    query: certificateListQuery,
    exampleQuery: { pageSize: 200, sort: 'person' },
    responses: { 200: certificatePage },
  }),
  issue: defineRoute({
    method: 'POST',
    path: '/training/classes/:id/certificates',
    tags,
    params: idParams,
    body: issueCertificates,
    responses: { 201: issuedCertificates },
    example: (ids) => ({ enrolmentIds: [ids.enrolment] }),
  }),
  zip: defineRoute({
    method: 'GET',
    path: '/training/classes/:id/certificates.zip',
    tags,
    params: idParams,
    query: certificateDocumentQuery,
    exampleQuery: { signerName: 'Hoàng Văn Sơn' },
    file: 'zip',
  }),
  printAll: defineRoute({
    method: 'GET',
    path: '/training/classes/:id/certificates.pdf',
    tags,
    params: idParams,
    query: certificateDocumentQuery,
    exampleQuery: { signerName: 'Hoàng Văn Sơn', signerTitle: 'Phó Bí thư' },
    file: 'pdf',
  }),
  pdf: defineRoute({
    method: 'GET',
    path: '/training/certificates/:id/certificate.pdf',
    tags,
    params: idParams,
    query: certificateDocumentQuery,
    exampleQuery: { signerTitle: 'Phó Bí thư' },
    file: 'pdf',
  }),
  revoke: defineRoute({
    method: 'POST',
    path: '/training/certificates/:id/revoke',
    tags,
    params: idParams,
    body: revokeCertificate,
    responses: { 200: certificate },
    example: { version: 1, reason: 'Cấp nhầm' },
  }),
  // The page a certificate's QR code opens: no session, and only what the paper itself shows.
  verify: defineRoute({
    method: 'GET',
    path: '/public/certificates/:code',
    public: true,
    tags,
    params: verifyParams,
    responses: { 200: publicCertificate },
  }),
};
