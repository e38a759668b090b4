import { useState, type FormEvent } from 'react';
import { LABEL_NAME_MAX, type CustomerProfile, type Label } from '../../../../shared/domain';
import { errorMessageKey } from '../../../../shared/i18n';
import { errorCodeOf } from '../../../../shared/contract';
import { useT } from '../../i18n/use-i18n';
import { useProfiles } from './profiles-store';
import { newId } from '../../app/new-id';
import { LABEL_COLORS, LabelChip } from './label-chip';
import { LabelManager } from './label-manager';

/**
 * The customer's labels: assign existing ones, take them off, or create a new one on the spot;
 * "Manage labels" renames, recolours or deletes the shop's labels.
 */
export function LabelsSection({ profile }: { profile: CustomerProfile }) {
  const t = useT();
  const labels = useProfiles((state) => state.labels);
  const update = useProfiles((state) => state.update);
  const saveLabel = useProfiles((state) => state.saveLabel);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [managing, setManaging] = useState(false);
  const [newName, setNewName] = useState('');
  const [newColor, setNewColor] = useState(LABEL_COLORS[0]?.color ?? '#1f8a4c');

  const assigned = profile.labels.flatMap((id) => labels.filter((label) => label.id === id));
  const unassigned = labels.filter((label) => !profile.labels.includes(label.id));

  const setAssigned = async (ids: string[]) => {
    setError(null);
    try {
      await update(profile.chatId, { labels: ids });
    } catch (caught) {
      setError(t(errorMessageKey(caught)));
    }
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const name = newName.trim();
    if (!name) return;
    if (name.length > LABEL_NAME_MAX) {
      setError(t('error.label-too-long'));
      return;
    }
    if (labels.some((label) => label.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
      setError(t('profile.labelExists'));
      return;
    }
    setError(null);
    const label: Label = { id: newId('label'), name, color: newColor };
    try {
      await saveLabel(label);
      await update(profile.chatId, { labels: [...profile.labels, label.id] });
      setNewName('');
      setCreating(false);
    } catch (caught) {
      setError(errorCodeOf(caught) === 'invalid-input' ? t('profile.labelExists') : t(errorMessageKey(caught)));
    }
  };

  return (
    <section className="profile__group profile__labels" aria-labelledby={`labels-${profile.chatId}`}>
      <h3 className="profile__group-title" id={`labels-${profile.chatId}`}>
        {t('profile.labels')}
      </h3>
      {assigned.length > 0 ? (
        <ul className="profile__label-list">
          {assigned.map((label) => (
            <li key={label.id}>
              <LabelChip
                label={label}
                removeLabel={t('profile.removeLabel', { name: label.name })}
                onRemove={() => void setAssigned(profile.labels.filter((id) => id !== label.id))}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="field__hint">{t('profile.noLabels')}</p>
      )}
      <div className="profile__label-tools">
        {unassigned.length > 0 && (
          <select
            className="input"
            aria-label={t('profile.addLabel')}
            value=""
            onChange={(event) => event.target.value && void setAssigned([...profile.labels, event.target.value])}
          >
            <option value="">{t('profile.addLabelChoose')}</option>
            {unassigned.map((label) => (
              <option key={label.id} value={label.id}>
                {label.name}
              </option>
            ))}
          </select>
        )}
        {!creating && (
          <button type="button" className="button" onClick={() => setCreating(true)}>
            {t('profile.newLabel')}
          </button>
        )}
        {!managing && labels.length > 0 && (
          <button type="button" className="button" onClick={() => setManaging(true)}>
            {t('profile.manageLabels')}
          </button>
        )}
      </div>
      {managing && <LabelManager onDone={() => setManaging(false)} />}
      {creating && (
        <form
          className="profile__new-label"
          onSubmit={(event) => void create(event)}
          aria-label={t('profile.newLabel')}
        >
          <label className="field">
            <span className="field__label">{t('profile.labelName')}</span>
            <input className="input" value={newName} autoFocus onChange={(event) => setNewName(event.target.value)} />
          </label>
          <fieldset className="profile__colors">
            <legend className="field__label">{t('profile.labelColor')}</legend>
            {LABEL_COLORS.map((option) => (
              <label key={option.color} className="profile__color" title={t(option.name)}>
                <input
                  type="radio"
                  name={`label-color-${profile.chatId}`}
                  value={option.color}
                  checked={newColor === option.color}
                  aria-label={t(option.name)}
                  onChange={() => setNewColor(option.color)}
                />
                <span className="profile__swatch" style={{ backgroundColor: option.color }} aria-hidden="true" />
              </label>
            ))}
          </fieldset>
          <div className="profile__actions">
            <button type="submit" className="button button--primary" disabled={newName.trim() === ''}>
              {t('profile.createLabel')}
            </button>
            <button type="button" className="button" onClick={() => setCreating(false)}>
              {t('app.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
