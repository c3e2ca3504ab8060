import { createTheme, type MantineColorsTuple } from '@mantine/core';

/*
 * Mantine theme built from TEDI tokens (@tehik-ee/tedi-core/variables/_base-variables.scss,
 * referenced by _color-variables.scss as --primary-*, --neutral-*, ...).
 * TEDI scales have 8 steps (100–800); Mantine needs 10, so one lighter and one darker step
 * are added at the ends. Shade 6 (Mantine's primary shade) is always the TEDI step that
 * TEDI itself uses for text/filled buttons, so contrast with white stays >= 4.5:1.
 */

/** TEDI blue (= --primary-*): 100..800 at indexes 1..8. Index 6 = --blue-600 #005aa3. */
const tediBlue: MantineColorsTuple = [
  '#f3f8fb', // derived: between white and blue-100
  '#e7f0f6', // --blue-100
  '#d0e1ee', // --blue-200
  '#99bdda', // --blue-300
  '#4587bc', // --blue-400
  '#337bb5', // --blue-500
  '#005aa3', // --blue-600 (brand, --general-text-brand)
  '#004277', // --blue-700 (hover)
  '#003662', // --blue-800 (active)
  '#00243f', // derived: darker than blue-800
];

/** TEDI neutral, arranged so Mantine's gray.6 ("dimmed" text) is --neutral-600. */
const tediNeutral: MantineColorsTuple = [
  '#f9f9f9', // --neutral-200
  '#f0f0f2', // --neutral-300
  '#e1e2e5', // --neutral-350
  '#d2d3d8', // --neutral-400
  '#9293a4', // --neutral-450 (input borders: 3:1 non-text contrast)
  '#737482', // --neutral-550 (placeholder)
  '#5d6071', // --neutral-600
  '#4b4e62', // --neutral-700
  '#34394c', // --neutral-750
  '#262b3b', // --neutral-800
];

/** TEDI red; index 6 = --red-700 (TEDI danger text). */
const tediRed: MantineColorsTuple = [
  '#fbecec', '#f7d8d8', '#efb2b2', '#e78b8b', '#df6565', '#d73e3e', '#ac3232', '#812525', '#5e1b1b', '#3f1212',
];

/** TEDI green; index 6 = --green-700 (TEDI success text). */
const tediGreen: MantineColorsTuple = [
  '#eaf3ee', '#d6e7dd', '#accfba', '#83b698', '#599e75', '#308653', '#266b42', '#1d5032', '#153a24', '#0d2517',
];

/** TEDI orange (= --accent-*); index 6 = --orange-700. Used for warnings. */
const tediOrange: MantineColorsTuple = [
  '#fff2e6', '#ffe6cc', '#ffcc99', '#ffb366', '#ff9933', '#ff8000', '#994d00', '#663300', '#4d2200', '#331700',
];

/** TEDI yellow; index 6 = --yellow-700. */
const tediYellow: MantineColorsTuple = [
  '#fff8e7', '#fff0cf', '#ffe1a0', '#ffd370', '#ffb511', '#ba830d', '#94690d', '#664807', '#4a3405', '#2e2003',
];

const fontFamily =
  "Roboto, system-ui, -apple-system, 'Segoe UI', 'Helvetica Neue', Arial, sans-serif";

export const theme = createTheme({
  primaryColor: 'tedi',
  primaryShade: 6,
  colors: {
    tedi: tediBlue,
    blue: tediBlue,
    gray: tediNeutral,
    red: tediRed,
    green: tediGreen,
    orange: tediOrange,
    yellow: tediYellow,
  },
  white: '#ffffff', // --neutral-100
  black: '#151926', // --neutral-850 (--general-text-primary)
  fontFamily,
  headings: {
    fontFamily,
    fontWeight: '400',
    sizes: {
      // TEDI heading tokens (desktop): --size-09/--line-height-10 ... --size-02/--line-height-03
      h1: { fontSize: '2rem', lineHeight: '2.875rem', fontWeight: '300' },
      h2: { fontSize: '1.75rem', lineHeight: '2.25rem' },
      h3: { fontSize: '1.5rem', lineHeight: '2rem' },
      h4: { fontSize: '1.25rem', lineHeight: '1.625rem' },
      h5: { fontSize: '1.125rem', lineHeight: '1.5rem' },
      h6: { fontSize: '1rem', lineHeight: '1.5rem', fontWeight: '700' },
    },
  },
  // TEDI --size-00 .. --size-04
  fontSizes: { xs: '0.75rem', sm: '0.875rem', md: '1rem', lg: '1.125rem', xl: '1.25rem' },
  // TEDI --line-height-01 .. (relative values derived from 20/24/26/28px on the sizes above)
  lineHeights: { xs: '1.4', sm: '1.43', md: '1.5', lg: '1.45', xl: '1.4' },
  // TEDI --dimensions-05, -07, -10, -13, -14
  spacing: { xs: '0.5rem', sm: '0.75rem', md: '1rem', lg: '1.5rem', xl: '2rem' },
  // TEDI --radius-01, -02-default, -03, -04, -05
  radius: { xs: '2px', sm: '4px', md: '8px', lg: '16px', xl: '20px' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  respectReducedMotion: true,
  components: {
    // TEDI buttons are pill-shaped (--button-radius-default = --radius-08, 360px).
    Button: { defaultProps: { size: 'md', radius: 360 } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    NumberInput: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
    ActionIcon: { defaultProps: { size: 'md' } },
    Checkbox: { defaultProps: { size: 'md' } },
    DateInput: { defaultProps: { size: 'md' } },
    Switch: { defaultProps: { size: 'md' } },
    Anchor: { defaultProps: { underline: 'always' } },
    Badge: { styles: { root: { textTransform: 'none', minWidth: 'max-content' } } },
  },
});
