/** The order board on screen: the day shown and its orders; `ordersChanged` fetches the day again. */
import { create } from 'zustand';
import type { Catalogue, OrderBoard } from '../../../../shared/orders/order-board-view';
import type { OrderSettings, OrderStatus, Product } from '../../../../shared/orders/order-schemas';
import { api } from '../../bridge/api';
import type { DayKey } from '../../../../shared/time/shop-time';

interface OrdersState {
  date: DayKey | null;
  board: OrderBoard | null;
  catalogue: Catalogue | null;
  request: number;
  show(date: DayKey): Promise<void>;
  refresh(): Promise<void>;
  setStatus(id: string, status: OrderStatus, notify: boolean): Promise<boolean>;
  loadCatalogue(): Promise<void>;
  saveProduct(product: Product): Promise<void>;
  deleteProduct(id: string): Promise<void>;
  importCsv(csv: string): Promise<{ line: number; message: string }[]>;
  exportCsv(): Promise<string>;
  updateSettings(patch: Partial<OrderSettings>): Promise<void>;
  saveTemplates(templates: Catalogue['templates']): Promise<void>;
}

export const useOrders = create<OrdersState>()((set, get) => ({
  date: null,
  board: null,
  catalogue: null,
  request: 0,
  show: async (date) => {
    set({ date });
    await get().refresh();
  },
  refresh: async () => {
    const { date } = get();
    if (date === null) return;
    const request = get().request + 1;
    set({ request });
    const board = await api().getOrderBoard({ date });
    if (get().request === request) set({ board });
    if (get().catalogue) await get().loadCatalogue();
  },
  setStatus: async (id, status, notify) => {
    const { told } = await api().setOrderStatus({ id, status, notify });
    await get().refresh();
    return told;
  },
  loadCatalogue: async () => set({ catalogue: await api().getCatalogue({}) }),
  saveProduct: async (product) => {
    await api().saveProduct(product);
    await get().loadCatalogue();
  },
  deleteProduct: async (id) => {
    await api().deleteProduct({ id });
    await get().loadCatalogue();
  },
  importCsv: async (csv) => {
    const { errors } = await api().importCatalogue({ csv });
    await get().loadCatalogue();
    return errors;
  },
  exportCsv: async () => (await api().exportCatalogue({})).csv,
  updateSettings: async (patch) => {
    await api().updateOrderSettings(patch);
    await get().loadCatalogue();
  },
  saveTemplates: async (templates) => {
    await api().saveOrderStatusTemplates(templates);
    await get().loadCatalogue();
  },
}));
