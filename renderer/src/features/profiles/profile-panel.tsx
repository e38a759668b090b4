import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { deriveFirstName } from '../../../../shared/profiles/customer-name';
import type { ChatId, CustomerProfile } from '../../../../shared/domain';
import { errorMessageKey } from '../../../../shared/i18n';
import { formatPhone } from '../../../../shared/profiles/format-phone';
import { useT } from '../../i18n/use-i18n';
import { useProfiles, type ProfilePatch } from './profiles-store';
import { fieldNameProblem, toFieldName } from './field-name';
import { LabelsSection } from './labels-section';
import { OptOutNotice } from '../automations/opt-out-notice';

/** The open chat's customer: who they are to the shop, and the values quick replies fill in. */
export function ProfilePanel({ chatId }: { chatId: ChatId }) {
  const t = useT();
  const profile = useProfiles((state) => state.byChat.get(chatId));
  const failed = useProfiles((state) => state.failed.has(chatId));
  const ensureLoaded = useProfiles((state) => state.ensureLoaded);

  useEffect(() => {
    void ensureLoaded(chatId);
  }, [chatId, ensureLoaded]);

  if (!profile) {
    return failed ? (
      <div className="profile__state">
        <p className="error-text" role="alert">
          {t('profile.loadFailed')}
        </p>
        <button type="button" className="button" onClick={() => void ensureLoaded(chatId)}>
          {t('app.retry')}
        </button>
      </div>
    ) : (
      <div className="profile__state" role="status">
        <div className="spinner" aria-hidden="true" />
      </div>
    );
  }
  return (
    <div className="profile">
      <OptOutNotice chatId={profile.chatId} />
      <LabelsSection profile={profile} />
      <ProfileForm profile={profile} />
    </div>
  );
}

/** Typing pauses this long before the profile saves itself. */
const AUTOSAVE_DELAY_MS = 800;

interface FieldRow {
  key: number;
  name: string;
  value: string;
}

function rowsOf(profile: CustomerProfile): FieldRow[] {
  return Object.entries(profile.customFields).map(([name, value], index) => ({ key: index, name, value }));
}

function fieldsOf(rows: readonly FieldRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((row) => row.name !== '').map((row) => [row.name, row.value.trim()]));
}

function ProfileForm({ profile }: { profile: CustomerProfile }) {
  const t = useT();
  const update = useProfiles((state) => state.update);
  const fieldRequest = useProfiles((state) =>
    state.fieldRequest?.chatId === profile.chatId ? state.fieldRequest : null,
  );
  const clearFieldRequest = useProfiles((state) => state.clearFieldRequest);
  const [name, setName] = useState(profile.nameOverride ?? profile.waName ?? '');
  /** null: the first name follows the name. */
  const [firstName, setFirstName] = useState<string | null>(profile.firstNameOverride);
  const [storedRows, setRows] = useState(() => rowsOf(profile));
  const [notes, setNotes] = useState(profile.notes);
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });
  const nextKey = useRef(storedRows.length);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();

  // A field the composer asked for shows as a new row until the person fills or removes it.
  const requested = fieldRequest?.field ?? null;
  const requestedCustom = requested !== null && requested !== 'name' && requested !== 'first_name' ? requested : null;
  const rows =
    requestedCustom !== null && !storedRows.some((row) => row.name === requestedCustom)
      ? // A negative key, one per request, survives the row being typed into (a new key would remount the input).
        [...storedRows, { key: -(fieldRequest?.nonce ?? 1), name: requestedCustom, value: '' }]
      : storedRows;

  useEffect(() => {
    if (!fieldRequest) return;
    const target = form.current?.querySelector<HTMLElement>(`[data-profile-field="${CSS.escape(fieldRequest.field)}"]`);
    target?.focus();
    target?.scrollIntoView({ block: 'nearest' });
  }, [fieldRequest]);

  const derivedFirstName = deriveFirstName(name.trim() || profile.waName || '');
  const shownFirstName = firstName ?? derivedFirstName;
  const fieldNames = rows.map((row) => row.name);

  const changeRow = (key: number, change: Partial<FieldRow>) => {
    setRows(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
    touched();
  };
  const removeRow = (key: number, rowName: string) => {
    if (rowName === requestedCustom) clearFieldRequest();
    setRows(rows.filter((row) => row.key !== key));
    touched();
  };
  const addRow = () => {
    const key = nextKey.current++;
    setRows([...rows, { key, name: '', value: '' }]);
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>(`[data-row-name="${key}"]`)?.focus());
  };

  const problems = rows.map((row, index) =>
    row.name === '' && row.value.trim() === ''
      ? null
      : fieldNameProblem(
          row.name,
          fieldNames.filter((_, other) => other !== index),
        ),
  );
  const invalid = problems.some((problem) => problem !== null);

  /** Saves what is typed; `tidy` also drops empty rows (not while the person may still be typing). */
  const save = async (tidy: boolean) => {
    if (invalid) return;
    const trimmedName = name.trim();
    const trimmedFirst = firstName?.trim() ?? '';
    const patch: ProfilePatch = {
      name: trimmedName === '' || trimmedName === profile.waName ? null : trimmedName,
      firstName: trimmedFirst === '' || trimmedFirst === derivedFirstName ? null : trimmedFirst,
      customFields: fieldsOf(rows),
      notes,
    };
    setStatus({ kind: 'saving' });
    try {
      await update(profile.chatId, patch);
      if (tidy) {
        setRows(rows.filter((row) => row.name !== ''));
        clearFieldRequest();
      }
      setStatus({ kind: 'saved' });
    } catch (caught) {
      setStatus({ kind: 'error', message: t(errorMessageKey(caught)) });
    }
  };

  // Save as you type: notes and fields never vanish when another chat is opened. The timer reads
  // the newest state through a ref, and a pending save runs at once when the form goes away.
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveLatest = useRef<() => void>(() => undefined);
  useLayoutEffect(() => {
    saveLatest.current = () => void save(false);
  });
  useEffect(
    () => () => {
      if (saveTimer.current === null) return;
      clearTimeout(saveTimer.current);
      saveLatest.current();
    },
    [],
  );
  const touched = () => {
    setStatus({ kind: 'idle' });
    if (saveTimer.current !== null) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      saveTimer.current = null;
      saveLatest.current();
    }, AUTOSAVE_DELAY_MS);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (saveTimer.current !== null) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    void save(true);
  };

  return (
    <form ref={form} className="profile__form" onSubmit={submit} aria-label={t('profile.tab')}>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-name`}>
          {t('profile.name')}
        </label>
        <input
          id={`${id}-name`}
          className="input"
          data-profile-field="name"
          value={name}
          maxLength={120}
          placeholder={formatPhone(profile.phone)}
          aria-describedby={`${id}-name-hint`}
          onChange={(event) => {
            setName(event.target.value);
            touched();
          }}
        />
        <span className="field__hint" id={`${id}-name-hint`}>
          {profile.waName ? t('profile.nameHintWhatsApp', { name: profile.waName }) : t('profile.nameHint')}
        </span>
      </div>
      <div className="field">
        <span className="field__label" id={`${id}-phone`}>
          {t('profile.phone')}
        </span>
        <span className="profile__phone" aria-labelledby={`${id}-phone`}>
          {formatPhone(profile.phone)}
        </span>
      </div>
      {profile.deliveryAddress && (
        <div className="field">
          <span className="field__label" id={`${id}-address`}>
            {t('orders.profileAddress')}
          </span>
          <span className="profile__phone" aria-labelledby={`${id}-address`}>
            {profile.deliveryAddress}
          </span>
        </div>
      )}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-first`}>
          {t('profile.firstName')}
        </label>
        <input
          id={`${id}-first`}
          className="input"
          data-profile-field="first_name"
          value={shownFirstName}
          maxLength={60}
          aria-describedby={`${id}-first-hint`}
          onChange={(event) => {
            setFirstName(event.target.value);
            touched();
          }}
        />
        <span className="field__hint" id={`${id}-first-hint`}>
          {firstName === null || firstName.trim() === derivedFirstName
            ? t('profile.firstNameDerived')
            : t('profile.firstNameOverride', { derived: derivedFirstName || '—' })}
        </span>
      </div>

      <fieldset className="profile__group">
        <legend>{t('profile.customFields')}</legend>
        <p className="field__hint">
          {t('profile.customFieldsHint', {
            example: `{{${t('profile.customFieldExample')}}}`,
            name: t('profile.customFieldExample'),
          })}
        </p>
        {rows.map((row, index) => {
          const problem = problems[index];
          const errorId = `profile-field-error-${row.key}`;
          return (
            <div key={row.key} className="profile__field-row">
              <input
                className="input profile__field-name"
                aria-label={t('profile.fieldName')}
                data-row-name={row.key}
                value={row.name}
                placeholder="order_id"
                spellCheck={false}
                aria-invalid={problem !== null}
                aria-describedby={problem ? errorId : undefined}
                onChange={(event) => changeRow(row.key, { name: toFieldName(event.target.value) })}
              />
              <input
                className="input profile__field-value"
                aria-label={row.name || t('profile.fieldValue')}
                data-profile-field={row.name || undefined}
                value={row.value}
                maxLength={500}
                placeholder={t('profile.fieldValue')}
                onChange={(event) => changeRow(row.key, { value: event.target.value })}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={t('profile.removeField', { name: row.name || t('profile.fieldValue') })}
                title={t('profile.removeField', { name: row.name || t('profile.fieldValue') })}
                onClick={() => removeRow(row.key, row.name)}
              >
                ×
              </button>
              {problem && (
                <p id={errorId} className="error-text profile__field-error">
                  {problem === 'invalid'
                    ? t('profile.fieldNameInvalid')
                    : problem === 'built-in'
                      ? t('profile.fieldNameBuiltIn', { name: row.name })
                      : t('profile.fieldNameDuplicate', { name: row.name })}
                </p>
              )}
            </div>
          );
        })}
        <button type="button" className="button profile__add" onClick={addRow}>
          {t('profile.addField')}
        </button>
      </fieldset>

      <div className="field">
        <label className="field__label" htmlFor={`${id}-notes`}>
          {t('profile.notes')}
        </label>
        <textarea
          id={`${id}-notes`}
          className="input profile__notes"
          value={notes}
          maxLength={5000}
          rows={3}
          aria-describedby={`${id}-notes-hint`}
          onChange={(event) => {
            setNotes(event.target.value);
            touched();
          }}
        />
        <span className="field__hint" id={`${id}-notes-hint`}>
          {t('profile.notesHint')}
        </span>
      </div>

      <div className="profile__actions">
        <button type="submit" className="button button--primary" disabled={invalid || status.kind === 'saving'}>
          {t('profile.save')}
        </button>
        <span className="profile__status" role="status">
          {status.kind === 'saved' && t('profile.saved')}
        </span>
      </div>
      {status.kind === 'error' && (
        <p className="error-text" role="alert">
          {status.message}
        </p>
      )}
    </form>
  );
}
