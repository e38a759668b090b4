import { useRef, useState, type ChangeEvent } from 'react';
import { formatBrlPlain, parseBrl } from '../../../../shared/orders/money';
import type { OrderSettings, Product } from '../../../../shared/orders/order-schemas';
import type { Catalogue } from '../../../../shared/orders/order-board-view';
import { ManageDialog, ManageFeedbackLine, useManageFeedback } from '../../app/manage-dialog';
import { useT } from '../../i18n/use-i18n';
import { newId } from '../../app/new-id';
import { useOrders } from './orders-store';

function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Products (add, edit, delete, CSV in and out) and the order settings, reached from the board. */
export function CatalogueDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const catalogue = useOrders((state) => state.catalogue);
  const { feedback, setFeedback, fail, say } = useManageFeedback();
  const fileInput = useRef<HTMLInputElement>(null);
  const saved = () => say(t('orders.settings.saved'));

  if (!catalogue) void useOrders.getState().loadCatalogue().catch(fail);

  const add = () =>
    void useOrders
      .getState()
      .saveProduct({ id: newId('p'), name: t('orders.catalogue.newName'), priceCents: 0, available: false })
      .catch(fail);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const errors = await useOrders.getState().importCsv(await file.text());
      const count = useOrders.getState().catalogue?.products.length ?? 0;
      setFeedback(
        errors.length > 0
          ? {
              kind: 'error',
              text: t('orders.catalogue.importErrors'),
              lines: errors.map((error) => `${error.line}: ${error.message}`),
            }
          : { kind: 'status', text: t('orders.catalogue.imported', { count }) },
      );
    } catch (caught) {
      fail(caught);
    }
  };

  const exportCsv = async () => {
    try {
      const file = 'catalogo-janela.csv';
      downloadCsv(file, await useOrders.getState().exportCsv());
      say(t('orders.catalogue.exported', { file }));
    } catch (caught) {
      fail(caught);
    }
  };

  return (
    <ManageDialog
      titleId="catalogue-title"
      title={t('orders.catalogue.title')}
      closeLabel={t('orders.dialog.close')}
      onClose={onClose}
    >
      <div className="order-card__actions">
        <button type="button" className="button" onClick={add}>
          {t('orders.catalogue.add')}
        </button>
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          {t('orders.catalogue.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,text/csv"
          hidden
          aria-label={t('orders.catalogue.importFile')}
          onChange={(event) => void onFile(event)}
        />
        <button type="button" className="button" onClick={() => void exportCsv()}>
          {t('orders.catalogue.export')}
        </button>
      </div>
      <ManageFeedbackLine feedback={feedback} />
      <h3 className="manage-dialog__heading">{t('orders.catalogue.products')}</h3>
      <ul className="manage-dialog__list">
        {catalogue?.products.map((product) => (
          <ProductRow
            key={`${product.id}-${product.priceCents}-${product.name}`}
            product={product}
            onError={fail}
            onSaved={saved}
          />
        ))}
      </ul>
      {catalogue && <OrderSettingsForm settings={catalogue.settings} onError={fail} onSaved={saved} />}
      {catalogue && <TemplatesForm templates={catalogue.templates} onError={fail} onSaved={saved} />}
    </ManageDialog>
  );
}

function ProductRow(props: { product: Product; onError(caught: unknown): void; onSaved(): void }) {
  const t = useT();
  const { product } = props;
  const [name, setName] = useState(product.name);
  const [price, setPrice] = useState(formatBrlPlain(product.priceCents));
  const [category, setCategory] = useState(product.category ?? '');
  const [description, setDescription] = useState(product.description ?? '');
  const [available, setAvailable] = useState(product.available);
  const [priceError, setPriceError] = useState(false);
  const save = () => {
    const priceCents = parseBrl(price);
    setPriceError(priceCents === null);
    if (priceCents === null || name.trim() === '') return;
    const next: Product = {
      id: product.id,
      name: name.trim(),
      priceCents,
      available,
      ...(category.trim() ? { category: category.trim() } : {}),
      ...(description.trim() ? { description: description.trim() } : {}),
    };
    void useOrders.getState().saveProduct(next).then(props.onSaved, props.onError);
  };
  return (
    <li className="manage-row">
      <label className="field manage-row__wide">
        <span className="field__label">{t('orders.catalogue.name')}</span>
        <input className="input" value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">{t('orders.catalogue.price')}</span>
        <input
          className="input manage-row__number"
          inputMode="decimal"
          value={price}
          aria-invalid={priceError}
          onChange={(event) => setPrice(event.target.value)}
        />
        {priceError && <span className="error-text">{t('orders.catalogue.badPrice')}</span>}
      </label>
      <label className="field">
        <span className="field__label">{t('orders.catalogue.category')}</span>
        <input
          className="input manage-row__number"
          value={category}
          maxLength={40}
          onChange={(event) => setCategory(event.target.value)}
        />
      </label>
      <label className="field manage-row__wide">
        <span className="field__label">{t('orders.catalogue.description')}</span>
        <input
          className="input"
          value={description}
          maxLength={500}
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      <label className="checkbox-field">
        <input type="checkbox" checked={available} onChange={(event) => setAvailable(event.target.checked)} />
        {t('orders.catalogue.available')}
      </label>
      <button type="button" className="button button--primary" onClick={save}>
        {t('orders.catalogue.save')}
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('orders.catalogue.delete', { name: product.name })}
        title={t('orders.catalogue.delete', { name: product.name })}
        onClick={() => void useOrders.getState().deleteProduct(product.id).catch(props.onError)}
      >
        ×
      </button>
    </li>
  );
}

function OrderSettingsForm(props: { settings: OrderSettings; onError(caught: unknown): void; onSaved(): void }) {
  const t = useT();
  const [delivery, setDelivery] = useState(props.settings.delivery);
  const [pickup, setPickup] = useState(props.settings.pickup);
  const [fee, setFee] = useState(formatBrlPlain(props.settings.deliveryFeeCents));
  const [minimum, setMinimum] = useState(formatBrlPlain(props.settings.minimumOrderCents));
  const [problem, setProblem] = useState<string | null>(null);
  const save = () => {
    const deliveryFeeCents = parseBrl(fee);
    const minimumOrderCents = parseBrl(minimum);
    if (!delivery && !pickup) return setProblem(t('orders.settings.needOne'));
    if (deliveryFeeCents === null || minimumOrderCents === null) return setProblem(t('orders.catalogue.badPrice'));
    setProblem(null);
    void useOrders
      .getState()
      .updateSettings({ delivery, pickup, deliveryFeeCents, minimumOrderCents })
      .then(props.onSaved, props.onError);
  };
  return (
    <section aria-labelledby="order-settings-title">
      <h3 id="order-settings-title" className="manage-dialog__heading">
        {t('orders.settings.title')}
      </h3>
      <div className="manage-dialog__grid">
        <label className="checkbox-field">
          <input type="checkbox" checked={delivery} onChange={(event) => setDelivery(event.target.checked)} />
          {t('orders.settings.delivery')}
        </label>
        <label className="checkbox-field">
          <input type="checkbox" checked={pickup} onChange={(event) => setPickup(event.target.checked)} />
          {t('orders.settings.pickup')}
        </label>
        <label className="field">
          <span className="field__label">{t('orders.settings.fee')}</span>
          <input className="input" inputMode="decimal" value={fee} onChange={(event) => setFee(event.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('orders.settings.minimum')}</span>
          <input
            className="input"
            inputMode="decimal"
            value={minimum}
            onChange={(event) => setMinimum(event.target.value)}
          />
        </label>
      </div>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <button type="button" className="button button--primary" onClick={save}>
        {t('orders.settings.save')}
      </button>
    </section>
  );
}

const templateStatuses = ['accepted', 'ready', 'out-for-delivery', 'ready-for-pickup', 'done', 'cancelled'] as const;

/** The message each status sends the customer, in the shop's own words. */
function TemplatesForm(props: { templates: Catalogue['templates']; onError(caught: unknown): void; onSaved(): void }) {
  const t = useT();
  const [values, setValues] = useState(props.templates);
  const save = () => void useOrders.getState().saveTemplates(values).then(props.onSaved, props.onError);
  return (
    <section aria-labelledby="order-templates-title">
      <h3 id="order-templates-title" className="manage-dialog__heading">
        {t('orders.templates.title')}
      </h3>
      <p className="field__hint">{t('orders.templates.hint', { example: '{{first_name|cliente}}' })}</p>
      <div className="manage-dialog__grid">
        {templateStatuses.map((status) => (
          <label key={status} className="field">
            <span className="field__label">{t(`orders.status.${status}`)}</span>
            <textarea
              className="input"
              rows={2}
              maxLength={1000}
              value={values[status]}
              onChange={(event) => setValues({ ...values, [status]: event.target.value })}
            />
          </label>
        ))}
      </div>
      <button type="button" className="button button--primary" onClick={save}>
        {t('orders.templates.save')}
      </button>
    </section>
  );
}
