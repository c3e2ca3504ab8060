import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider, useTranslation } from 'react-i18next';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import './platform/styles/tedi-tokens.css';
import './platform/styles/global.css';
import { installFonts } from './platform/styles/fonts';
import { theme } from './platform/theme';
import { initI18n } from './platform/i18n';
import { createQueryClient } from './platform/api/query-client';
import { ErrorBoundary } from './platform/components/ErrorBoundary';
import { App } from './App';

installFonts();
const i18n = initI18n();
const queryClient = createQueryClient();

/** Calendar pickers follow the UI language; weeks start on Monday in Estonia. */
function LocalisedDates({ children }: { children: React.ReactNode }) {
  const { i18n: current } = useTranslation();
  return (
    <DatesProvider settings={{ locale: current.language, firstDayOfWeek: 1 }}>{children}</DatesProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing in index.html');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <LocalisedDates>
          <ErrorBoundary>
            <QueryClientProvider client={queryClient}>
              <App />
            </QueryClientProvider>
          </ErrorBoundary>
        </LocalisedDates>
      </MantineProvider>
    </I18nextProvider>
  </StrictMode>,
);
