import { useState } from 'react';
import type { AgendaSettings, Service } from '../../../../shared/bookings/booking-schemas';
import { formatBrlPlain, parseBrl } from '../../../../shared/orders/money';
import { ManageDialog, ManageFeedbackLine, useManageFeedback } from '../../app/manage-dialog';
import { useT } from '../../i18n/use-i18n';
import { newId } from '../../app/new-id';
import { useAgenda } from './agenda-store';

/** Services (add, edit, switch off, delete) and the agenda settings, reached from the agenda. */
export function ServicesDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const services = useAgenda((state) => state.agenda?.services ?? []);
  const settings = useAgenda((state) => state.agenda?.settings ?? null);
  const { feedback, fail, say } = useManageFeedback();
  const saved = () => say(t('agenda.settings.saved'));

  const add = () =>
    void useAgenda
      .getState()
      .saveService({
        id: newId('svc'),
        name: t('agenda.services.newName'),
        durationMin: 30,
        priceCents: null,
        active: false,
      })
      .catch(fail);

  return (
    <ManageDialog
      titleId="services-title"
      title={t('agenda.services.title')}
      closeLabel={t('agenda.dialog.close')}
      onClose={onClose}
    >
      <h3 className="manage-dialog__heading">{t('agenda.services.list')}</h3>
      <ul className="manage-dialog__list">
        {services.map((service) => (
          <ServiceRow key={service.id} service={service} onError={fail} onSaved={saved} />
        ))}
      </ul>
      <button type="button" className="button" onClick={add}>
        {t('agenda.services.add')}
      </button>
      {settings && <SettingsForm settings={settings} onError={fail} onSaved={saved} />}
      <ManageFeedbackLine feedback={feedback} />
    </ManageDialog>
  );
}

function ServiceRow(props: { service: Service; onError(caught: unknown): void; onSaved(): void }) {
  const t = useT();
  const [name, setName] = useState(props.service.name);
  const [duration, setDuration] = useState(String(props.service.durationMin));
  const [price, setPrice] = useState(props.service.priceCents === null ? '' : formatBrlPlain(props.service.priceCents));
  const [active, setActive] = useState(props.service.active);
  const save = () => {
    const priceCents = price.trim() === '' ? null : parseBrl(price);
    const durationMin = Number(duration);
    if ((price.trim() !== '' && priceCents === null) || !Number.isInteger(durationMin) || name.trim() === '') {
      props.onError(new Error('invalid-input: service'));
      return;
    }
    void useAgenda
      .getState()
      .saveService({ ...props.service, name: name.trim(), durationMin, priceCents, active })
      .then(props.onSaved, props.onError);
  };
  return (
    <li className="manage-row">
      <label className="field manage-row__wide">
        <span className="field__label">{t('agenda.services.name')}</span>
        <input className="input" value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">{t('agenda.services.duration')}</span>
        <input
          className="input manage-row__number"
          type="number"
          min={5}
          step={5}
          value={duration}
          onChange={(event) => setDuration(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('agenda.services.price')}</span>
        <input
          className="input manage-row__number"
          inputMode="decimal"
          value={price}
          onChange={(event) => setPrice(event.target.value)}
        />
      </label>
      <label className="checkbox-field">
        <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} />
        {t('agenda.services.active')}
      </label>
      <button type="button" className="button button--primary" onClick={save}>
        {t('agenda.services.save')}
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('agenda.services.delete', { name: props.service.name })}
        title={t('agenda.services.delete', { name: props.service.name })}
        onClick={() => void useAgenda.getState().deleteService(props.service.id).catch(props.onError)}
      >
        ×
      </button>
    </li>
  );
}

const settingFields = [
  ['maxDaysAhead', 'agenda.settings.maxDaysAhead'],
  ['minNoticeMin', 'agenda.settings.minNotice'],
  ['slotStepMin', 'agenda.settings.slotStep'],
  ['capacity', 'agenda.settings.capacity'],
  ['reminderBeforeMin', 'agenda.settings.reminder'],
] as const;

function SettingsForm(props: { settings: AgendaSettings; onError(caught: unknown): void; onSaved(): void }) {
  const t = useT();
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(settingFields.map(([key]) => [key, String(props.settings[key])])),
  );
  const save = () => {
    const patch = Object.fromEntries(
      settingFields.map(([key]) => [key, Number(values[key])]),
    ) as Partial<AgendaSettings>;
    void useAgenda.getState().updateSettings(patch).then(props.onSaved, props.onError);
  };
  return (
    <section className="manage-dialog__settings" aria-labelledby="agenda-settings-title">
      <h3 id="agenda-settings-title" className="manage-dialog__heading">
        {t('agenda.settings.title')}
      </h3>
      <div className="manage-dialog__grid">
        {settingFields.map(([key, label]) => (
          <label key={key} className="field">
            <span className="field__label">{t(label)}</span>
            <input
              className="input"
              type="number"
              min={0}
              value={values[key] ?? ''}
              onChange={(event) => setValues({ ...values, [key]: event.target.value })}
            />
          </label>
        ))}
      </div>
      <p className="field__hint">{t('agenda.settings.hoursHint')}</p>
      <button type="button" className="button button--primary" onClick={save}>
        {t('agenda.settings.save')}
      </button>
    </section>
  );
}
