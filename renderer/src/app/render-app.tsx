/**
 * The second stage of the start (main.tsx): React and the app with the chat list, in a chunk of
 * their own so their code is evaluated in a task after the first stage's, not in one long task.
 */
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

export function renderApp(root: HTMLElement): void {
  const reactRoot = createRoot(root);
  // As a transition React renders the first screen in slices of a few milliseconds, yielding to the
  // page between them; rendered at once, it was one task of ~50 ms of CPU on a 2-core machine.
  startTransition(() => {
    reactRoot.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
