/** Brazilian numbers as people write them (+55 11 98765-4321); others as +digits. */
export function formatPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const brazil = /^55(\d{2})(\d{4,5})(\d{4})$/.exec(digits);
  if (brazil) return `+55 ${brazil[1]} ${brazil[2]}-${brazil[3]}`;
  return digits ? `+${digits}` : phone;
}
