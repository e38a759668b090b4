/**
 * Each feature keeps its own message file. `defineMessages` takes the English catalogue as the
 * source of keys and makes TypeScript reject a Portuguese catalogue with a missing or extra key.
 */
export type Catalogue<K extends string> = { readonly en: Record<K, string>; readonly 'pt-BR': Record<K, string> };

export function defineMessages<const K extends string>(
  en: Record<K, string>,
  ptBR: NoInfer<Record<K, string>>,
): Catalogue<K> {
  return { en, 'pt-BR': ptBR };
}
