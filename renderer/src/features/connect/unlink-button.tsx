import { useRef } from 'react';
import { errorMessageKey } from '../../../../shared/i18n';
import { useT } from '../../i18n/use-i18n';
import { useConnection } from './connection-store';

/** "Unlink this computer", behind a confirmation: it logs out and deletes the session. */
export function UnlinkButton({ onError }: { onError: (message: string | null) => void }) {
  const t = useT();
  const unlink = useConnection((state) => state.unlink);
  const dialog = useRef<HTMLDialogElement>(null);

  const confirm = () => {
    dialog.current?.close();
    onError(null);
    unlink().catch((caught: unknown) => onError(t(errorMessageKey(caught))));
  };

  return (
    <>
      <button type="button" className="button button--danger" onClick={() => dialog.current?.showModal()}>
        {t('connect.unlink')}
      </button>
      <dialog ref={dialog} className="dialog dialog--small" aria-labelledby="unlink-title">
        <h2 id="unlink-title" className="dialog__title">
          {t('connect.unlinkConfirmTitle')}
        </h2>
        <p>{t('connect.unlinkConfirmBody')}</p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => dialog.current?.close()} autoFocus>
            {t('app.cancel')}
          </button>
          <button type="button" className="button button--danger-solid" onClick={confirm}>
            {t('connect.unlinkConfirm')}
          </button>
        </div>
      </dialog>
    </>
  );
}
