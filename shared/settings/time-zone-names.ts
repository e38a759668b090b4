/**
 * Time zones named the way people say them: "Horário de Brasília (São Paulo)" rather than
 * "America/Sao_Paulo". Brazil's zones come first with their usual names; every other zone the
 * runtime knows is named by Intl in the UI's language, with its city.
 */
import type { Language } from '../domain';

type Region = 'brasilia' | 'amazonas' | 'acre' | 'noronha';

const regionNames: Record<Language, Record<Region, string>> = {
  'pt-BR': {
    brasilia: 'Horário de Brasília',
    amazonas: 'Horário do Amazonas',
    acre: 'Horário do Acre',
    noronha: 'Horário de Fernando de Noronha',
  },
  en: {
    brasilia: 'Brasília time',
    amazonas: 'Amazon time',
    acre: 'Acre time',
    noronha: 'Fernando de Noronha time',
  },
};

/** Every Brazilian zone in the IANA database, from east to west, with its region and city. */
export const brazilianTimeZones: readonly { zone: string; region: Region; city: string }[] = [
  { zone: 'America/Noronha', region: 'noronha', city: 'Fernando de Noronha' },
  { zone: 'America/Sao_Paulo', region: 'brasilia', city: 'São Paulo' },
  { zone: 'America/Bahia', region: 'brasilia', city: 'Salvador' },
  { zone: 'America/Fortaleza', region: 'brasilia', city: 'Fortaleza' },
  { zone: 'America/Recife', region: 'brasilia', city: 'Recife' },
  { zone: 'America/Maceio', region: 'brasilia', city: 'Maceió' },
  { zone: 'America/Belem', region: 'brasilia', city: 'Belém' },
  { zone: 'America/Araguaina', region: 'brasilia', city: 'Araguaína' },
  { zone: 'America/Santarem', region: 'brasilia', city: 'Santarém' },
  { zone: 'America/Manaus', region: 'amazonas', city: 'Manaus' },
  { zone: 'America/Cuiaba', region: 'amazonas', city: 'Cuiabá' },
  { zone: 'America/Campo_Grande', region: 'amazonas', city: 'Campo Grande' },
  { zone: 'America/Porto_Velho', region: 'amazonas', city: 'Porto Velho' },
  { zone: 'America/Boa_Vista', region: 'amazonas', city: 'Boa Vista' },
  { zone: 'America/Rio_Branco', region: 'acre', city: 'Rio Branco' },
  { zone: 'America/Eirunepe', region: 'acre', city: 'Eirunepé' },
];
const brazilian = new Map(brazilianTimeZones.map((entry) => [entry.zone, entry]));

export interface TimeZoneOption {
  zone: string;
  label: string;
  brazilian: boolean;
}

function cityOf(zone: string): string {
  return (zone.split('/').at(-1) ?? zone).replace(/_/g, ' ');
}

/** The person-facing name of one zone, e.g. "Horário do Amazonas (Manaus)". */
export function timeZoneLabel(zone: string, language: Language): string {
  const known = brazilian.get(zone);
  if (known) return `${regionNames[language][known.region]} (${known.city})`;
  if (!zone.includes('/')) return zone;
  let name: string | undefined;
  try {
    name = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(0)
      .find((part) => part.type === 'timeZoneName')?.value;
  } catch {
    name = undefined;
  }
  const city = cityOf(zone);
  return name && !name.startsWith('GMT') ? `${name} (${city})` : `${city} (${zone})`;
}

/**
 * The list for the settings: Brazil's zones first, then every other zone sorted by name. The
 * current zone is always in it, even when this runtime does not list it.
 */
export function timeZoneOptions(available: readonly string[], current: string, language: Language): TimeZoneOption[] {
  const others = [...new Set([...available, current])]
    .filter((zone) => !brazilian.has(zone))
    .map((zone) => ({ zone, label: timeZoneLabel(zone, language), brazilian: false }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  return [
    ...brazilianTimeZones.map(({ zone }) => ({ zone, label: timeZoneLabel(zone, language), brazilian: true })),
    ...others,
  ];
}
