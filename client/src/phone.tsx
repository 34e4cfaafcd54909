import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n/index';
import './styles.css';
import { PhoneApp } from './participant/PhoneApp';
import { takeShell } from './shell';
import { startServiceWorker } from './sync/serviceWorker';

/** Entry of the phone build (phone.html, join.html): see client/vite.phone.config.ts. */
void i18nReady.then(() => {
  const root = document.getElementById('root')!;
  takeShell(root);
  createRoot(root).render(<PhoneApp />);
});
startServiceWorker();
