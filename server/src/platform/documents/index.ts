/**
 * X-DOC — generated documents and signed uploads, the platform part.
 *
 * Case modules build a PdfDocument from their record and call renderPdf;
 * a signed container uploaded back is listed with readSignedContainer (files
 * and signers, shown with the attachment) and checked with a validator from
 * createSignatureValidator (SiVa; 'unchecked' when none is configured).
 */
export { renderPdf, PDF_CONTENT_TYPE } from './pdf.js';
export type { PdfDocument, PdfMetaRow, PdfSection, PdfTable, RenderOptions } from './pdf.js';
export { pdfLabels, formatTallinnDateTime } from './pdf-labels.js';
export type { PdfLabels, PdfLanguage } from './pdf-labels.js';
export { readSignedContainer, ASICE_MIMETYPE, DEFAULT_CONTAINER_LIMITS } from './signed-container.js';
export type { ContainerLimits, ContainerSignature, SignedContainer, UnreadableContainer } from './signed-container.js';
export { createSignatureValidator } from './signature-validator.js';
export type { SignatureValidator, SignatureValidatorOptions, ValidationResult, ValidationStatus } from './signature-validator.js';
