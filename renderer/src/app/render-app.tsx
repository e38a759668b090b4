/**
 * The second stage of the start (main.tsx): React and the app with the chat list, in a chunk of
 * their own so their code is evaluated in a task after the first stage's, not in one long task.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

export function renderApp(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
