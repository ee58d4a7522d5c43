import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Base styles first, so each area's stylesheet (imported by its screens) wins ties.
import './styles.css';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <App bridge={window.aruga} />
  </StrictMode>,
);
