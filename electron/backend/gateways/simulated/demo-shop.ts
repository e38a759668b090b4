/**
 * The demo's shop: a bakery with every shop field filled, so each starter quick reply can be sent
 * as it is and the demo shows what a set-up shop looks like.
 */
import type { Language, Shop } from '../../../../shared/domain';

export function demoShop(language: Language): Shop {
  return {
    name: 'Padaria Pão Dourado',
    address: 'Rua das Laranjeiras, 245 – Centro, São Paulo',
    hours: language === 'en' ? 'Mon to Fri 7 am–7 pm, Sat 7 am–1 pm' : 'seg. a sex. das 7h às 19h, sáb. das 7h às 13h',
    website: 'https://paodourado.com.br',
  };
}
