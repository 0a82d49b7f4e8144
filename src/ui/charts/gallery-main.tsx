/** Entry of the dev chart gallery (gallery.html): mounts ChartsGallery with the lab's stylesheet.
 *  No store, no worker: the charts draw fake data only. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ChartsGallery } from './ChartsGallery';
import '../styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('gallery.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ChartsGallery />
  </StrictMode>,
);
