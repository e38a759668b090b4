import { useState, type FormEvent } from 'react';
import { LABEL_NAME_MAX, type Label } from '../../../../shared/domain';
import { errorCodeOf } from '../../../../shared/contract';
import { errorMessageKey } from '../../../../shared/i18n';
import { useT } from '../../i18n/use-i18n';
import { useProfiles } from './profiles-store';
import { LABEL_COLORS, LabelChip } from './label-chip';

/** Every label of the shop: rename it, recolour it, or delete it from every customer. */
export function LabelManager({ onDone }: { onDone: () => void }) {
  const t = useT();
  const labels = useProfiles((state) => state.labels);
  return (
    <section className="label-manager" aria-labelledby="label-manager-title">
      <h4 className="label-manager__title" id="label-manager-title">
        {t('profile.manageLabels')}
      </h4>
      {labels.length === 0 ? (
        <p className="field__hint">{t('profile.noLabels')}</p>
      ) : (
        <ul className="label-manager__list">
          {labels.map((label) => (
            // Keyed by content too: a change saved elsewhere starts the row afresh.
            <li key={`${label.id} ${label.name} ${label.color}`}>
              <LabelEditor label={label} />
            </li>
          ))}
        </ul>
      )}
      <div className="profile__actions">
        <button type="button" className="button" onClick={onDone}>
          {t('profile.manageLabelsDone')}
        </button>
      </div>
    </section>
  );
}

function LabelEditor({ label }: { label: Label }) {
  const t = useT();
  const saveLabel = useProfiles((state) => state.saveLabel);
  const deleteLabel = useProfiles((state) => state.deleteLabel);
  const [name, setName] = useState(label.name);
  const [color, setColor] = useState(label.color);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changed = name.trim() !== label.name || color !== label.color;
  // A colour from outside the palette (an older label) stays choosable.
  const colors = LABEL_COLORS.some((option) => option.color === label.color)
    ? LABEL_COLORS
    : [...LABEL_COLORS, { color: label.color, name: null }];

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(errorCodeOf(caught) === 'invalid-input' ? t('profile.labelExists') : t(errorMessageKey(caught)));
      setBusy(false);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!changed || name.trim() === '') return;
    if (name.trim().length > LABEL_NAME_MAX) {
      setError(t('error.label-too-long'));
      return;
    }
    void run(() => saveLabel({ ...label, name: name.trim(), color }));
  };

  return (
    <form className="label-manager__row" aria-label={t('profile.editLabel', { name: label.name })} onSubmit={save}>
      <LabelChip label={{ ...label, name: name.trim() || label.name, color }} />
      <div className="label-manager__fields">
        <input
          className="input"
          aria-label={t('profile.labelName')}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <select
          className="input"
          aria-label={t('profile.labelColor')}
          value={color}
          onChange={(event) => setColor(event.target.value)}
        >
          {colors.map((option) => (
            <option key={option.color} value={option.color}>
              {option.name ? t(option.name) : option.color}
            </option>
          ))}
        </select>
      </div>
      {confirming ? (
        <div className="label-manager__confirm" role="group" aria-label={t('profile.deleteLabelAsk')}>
          <p>{t('profile.deleteLabelConfirm', { name: label.name })}</p>
          <div className="profile__actions">
            <button
              type="button"
              className="button button--danger"
              aria-label={t('profile.deleteLabel', { name: label.name })}
              disabled={busy}
              onClick={() => void run(() => deleteLabel(label.id))}
            >
              {t('profile.deleteLabelConfirmButton')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('app.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="profile__actions">
          <button type="submit" className="button button--primary" disabled={busy || !changed || name.trim() === ''}>
            {t('profile.saveLabel')}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            {t('profile.deleteLabelAsk')}
          </button>
        </div>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
