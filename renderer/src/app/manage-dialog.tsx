/**
 * The frame of a "manage" dialog reached from a staff screen (services and agenda settings,
 * catalogue and order settings): a modal with its title, one line of feedback for the last save,
 * and a close button at the bottom.
 */
import { useState, type ReactNode } from 'react';
import { errorMessageKey } from '../../../shared/i18n';
import { useT } from '../i18n/use-i18n';
import { useModalDialog } from './use-modal-dialog';

export type ManageFeedback = { kind: 'status' | 'error'; text: string; lines?: string[] } | null;

/** The dialog's feedback: `fail` shows a caught error in the person's words, `say` a confirmation. */
export function useManageFeedback() {
  const t = useT();
  const [feedback, setFeedback] = useState<ManageFeedback>(null);
  return {
    feedback,
    setFeedback,
    fail: (caught: unknown) => setFeedback({ kind: 'error', text: t(errorMessageKey(caught)) }),
    say: (text: string) => setFeedback({ kind: 'status', text }),
  };
}

/** The last save's outcome, announced: an alert for an error, a status otherwise. */
export function ManageFeedbackLine({ feedback }: { feedback: ManageFeedback }) {
  if (!feedback) return null;
  return (
    <div role={feedback.kind === 'error' ? 'alert' : 'status'}>
      <p className={feedback.kind === 'error' ? 'error-text' : 'manage-dialog__status'}>{feedback.text}</p>
      {feedback.lines && (
        <ul className="error-text">
          {feedback.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ManageDialog(props: {
  /** The heading's id, for the dialog's accessible name. */
  titleId: string;
  title: string;
  closeLabel: string;
  onClose(): void;
  children: ReactNode;
}) {
  const dialog = useModalDialog(true);
  return (
    <dialog ref={dialog} className="dialog manage-dialog" aria-labelledby={props.titleId} onClose={props.onClose}>
      <h2 id={props.titleId} className="dialog__title">
        {props.title}
      </h2>
      {props.children}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={props.onClose}>
          {props.closeLabel}
        </button>
      </div>
    </dialog>
  );
}
