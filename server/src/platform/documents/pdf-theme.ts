/**
 * X-DOC — page geometry, colours and type sizes shared by the PDF drawing
 * modules. Colours follow the TEDI design system used by the web client, so
 * a printed document looks like the screen it came from.
 */

export const COLOR = {
  /** TEDI primary blue: headings, issuer line. */
  brand: '#005aa3',
  /** TEDI body text. */
  text: '#151926',
  /** Secondary text: captions, footer. */
  muted: '#5d6071',
  /** Hairlines and table borders. */
  rule: '#c4c9d1',
  /** Table header background: a pale tint of the brand blue. */
  tableHead: '#e5eef7',
} as const;

/** Points (1/72 in). A4 is 595.28 × 841.89 pt. */
export const PAGE = {
  size: 'A4',
  /** 20 mm sides; the top and bottom leave room for the header and footer band. */
  margins: { top: 86, bottom: 78, left: 56.7, right: 56.7 },
  headerY: 36,
  /** Distance of the footer rule above the bottom edge. */
  footerRuleFromBottom: 62,
} as const;

export const TYPE = {
  title: 18,
  heading: 12.5,
  body: 10.5,
  table: 9.5,
  small: 8.5,
  /** Extra leading between wrapped lines of body text. */
  lineGap: 2,
} as const;

export const SPACE = {
  afterTitle: 14,
  beforeHeading: 14,
  afterHeading: 6,
  afterParagraph: 6,
  metaRowGap: 4,
  metaColumnGap: 12,
  bulletIndent: 14,
  cellPadding: 4,
  signatureGap: 34,
} as const;
