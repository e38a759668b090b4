import { useState, type FormEvent } from 'react';
import { errorMessageKey } from '../../../../shared/i18n';
import { useT } from '../../i18n/use-i18n';
import { useConnection } from './connection-store';

/** "Link with phone number": WhatsApp shows an 8-character code to type on the phone instead of a QR. */
export function PairingForm() {
  const t = useT();
  const requestPairingCode = useConnection((state) => state.requestPairingCode);
  const code = useConnection((state) => state.pairingCode);
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const digits = phone.replace(/\D/g, '');
  const valid = /^\d{8,15}$/.test(digits);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid || busy) return;
    setBusy(true);
    setError(null);
    try {
      await requestPairingCode(digits);
    } catch (caught) {
      setError(t(errorMessageKey(caught)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pairing">
      <form className="pairing__form" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span className="field__label">{t('connect.pairingPhoneLabel')}</span>
          <input
            className="input"
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
            aria-describedby="pairing-phone-hint"
          />
          <span className="field__hint" id="pairing-phone-hint">
            {t('connect.pairingPhoneHint')}
          </span>
        </label>
        <button type="submit" className="button button--primary" disabled={!valid || busy}>
          {t('connect.pairingSubmit')}
        </button>
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {code && <PairingCode code={code} />}
    </div>
  );
}

export function PairingCode({ code }: { code: string }) {
  const t = useT();
  const shown = code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
  return (
    <div className="pairing__code-box">
      <p className="pairing__code-title">{t('connect.pairingCodeTitle')}</p>
      <output className="pairing__code" aria-label={t('connect.pairingCodeLabel')}>
        {shown}
      </output>
      <p className="field__hint">{t('connect.pairingSteps')}</p>
    </div>
  );
}
