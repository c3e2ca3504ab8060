import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import '@mantine/core/styles.css';
import './platform/styles/tedi-tokens.css';
import './platform/styles/global.css';
import { installFonts } from './platform/styles/fonts';
import { theme } from './platform/theme';
import { initI18n } from './platform/i18n';
import { createQueryClient } from './platform/api/query-client';
import { ErrorBoundary } from './platform/components/ErrorBoundary';
import { App } from './App';

installFonts();
const queryClient = createQueryClient();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing in index.html');

// Render once the initial language's translations are loaded (no flash of raw keys).
void initI18n().then((i18n) => createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <ErrorBoundary>
          <QueryClientProvider client={queryClient}>
            <App />
          </QueryClientProvider>
        </ErrorBoundary>
      </MantineProvider>
    </I18nextProvider>
  </StrictMode>,
));
