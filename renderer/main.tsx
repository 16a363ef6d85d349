import './platform/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, initialLanguage } from './i18n';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { api } from './platform/api';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

void initI18n(initialLanguage()).then(() => {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary api={api}>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
});
