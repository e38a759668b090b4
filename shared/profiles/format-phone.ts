/**
 * A phone number as a person reads it. Brazilian numbers get their usual grouping
 * (+55 11 98765-4321, landlines +55 11 3456-7890); others stay `+digits`, because a wrong grouping
 * for a foreign plan reads worse than none.
 */
export function formatPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits === '') return '';
  const brazilian = /^55(\d{2})(\d{4,5})(\d{4})$/.exec(digits);
  if (brazilian) return `+55 ${brazilian[1]} ${brazilian[2]}-${brazilian[3]}`;
  return `+${digits}`;
}
