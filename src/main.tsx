/** Entry point: one worker client, one store, the React tree. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createLabStore } from './store/create-lab-store';
import { createLabClient } from './worker/lab-client';
import { LabStoreProvider } from './ui/common/lab-store-context';
import { App } from './ui/App';
import './ui/styles.css';

const store = createLabStore(createLabClient());
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <LabStoreProvider store={store}>
      <App />
    </LabStoreProvider>
  </StrictMode>,
);
