import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n/index';
import './styles.css';
import { App } from './App';
import { takeShell } from './shell';

void i18nReady.then(() => {
  const root = document.getElementById('root')!;
  takeShell(root);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
