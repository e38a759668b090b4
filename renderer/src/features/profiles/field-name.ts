/** Custom field names as staff type them ("Order ID", "Data de retirada") made into `order_id`. */
import { customFieldNameSchema } from '../../../../shared/domain';
import { canonicalPlaceholder, isBuiltInPlaceholder } from '../../../../shared/templates/placeholders';

export function toFieldName(typed: string): string {
  return typed
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_')
    .replace(/[^a-z0-9_]/g, '')
    .slice(0, 40);
}

export type FieldNameProblem = 'invalid' | 'built-in' | 'duplicate' | null;

export function fieldNameProblem(name: string, others: readonly string[]): FieldNameProblem {
  if (!customFieldNameSchema.safeParse(name).success) return 'invalid';
  // Portuguese aliases too: {{telefone}} always means the customer's number.
  if (isBuiltInPlaceholder(canonicalPlaceholder(name))) return 'built-in';
  return others.includes(name) ? 'duplicate' : null;
}
