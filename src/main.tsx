/** Entry point: one worker client, one store kept in step with the page's URL, the React tree. */
// First: configures zod before any schema exists (see csp-ready).
import './platform/csp-ready';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createLabStore } from './store/create-lab-store';
import { startUrlSync } from './store/url-sync';
import { indexedDbSession } from './platform/session-store';
import { indexedDbRunHistory } from './platform/run-history';
import { createLabClient } from './worker/lab-client';
import { LabStoreProvider } from './ui/common/lab-store-context';
import { App } from './ui/App';
import './ui/styles.css';

// A link with settings in it outranks the settings kept from the last visit ("data" names only the dataset).
const linkHasSettings = [...new URL(window.location.href).searchParams.keys()].some((k) => k !== 'data');
const hasIndexedDb = typeof indexedDB !== 'undefined';
const store = createLabStore(
  createLabClient(),
  { storage: hasIndexedDb ? indexedDbSession : undefined, linkHasSettings },
  hasIndexedDb ? indexedDbRunHistory : undefined,
);
startUrlSync(store, {
  href: () => window.location.href,
  replace: (href) => window.history.replaceState(window.history.state, '', href),
});
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <LabStoreProvider store={store}>
      <App />
    </LabStoreProvider>
  </StrictMode>,
);
