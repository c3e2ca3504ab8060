/** JSON request bodies: generous for long texts, small enough to refuse abuse. */
export const BODY_LIMIT = 1024 * 1024;
/** Uploaded files (attachments, signed containers). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
