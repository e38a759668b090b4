import { describe, expect, it } from 'vitest';
import { brazilianTimeZones, timeZoneLabel, timeZoneOptions } from '../../../../shared/settings/time-zone-names';

const available = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

describe('time zone names', () => {
  it('names Brazil’s zones as people say them, in both languages', () => {
    expect(timeZoneLabel('America/Sao_Paulo', 'pt-BR')).toBe('Horário de Brasília (São Paulo)');
    expect(timeZoneLabel('America/Manaus', 'pt-BR')).toBe('Horário do Amazonas (Manaus)');
    expect(timeZoneLabel('America/Rio_Branco', 'pt-BR')).toBe('Horário do Acre (Rio Branco)');
    expect(timeZoneLabel('America/Noronha', 'pt-BR')).toBe('Horário de Fernando de Noronha (Fernando de Noronha)');
    expect(timeZoneLabel('America/Sao_Paulo', 'en')).toBe('Brasília time (São Paulo)');
  });

  it('covers every Brazilian zone in the time zone database', () => {
    const known = new Set(brazilianTimeZones.map((entry) => entry.zone));
    const brazil = [
      'America/Araguaina',
      'America/Bahia',
      'America/Belem',
      'America/Boa_Vista',
      'America/Campo_Grande',
      'America/Cuiaba',
      'America/Eirunepe',
      'America/Fortaleza',
      'America/Maceio',
      'America/Manaus',
      'America/Noronha',
      'America/Porto_Velho',
      'America/Recife',
      'America/Rio_Branco',
      'America/Santarem',
      'America/Sao_Paulo',
    ];
    for (const zone of brazil) expect(known.has(zone), zone).toBe(true);
  });

  it('lists Brazil first, then every other zone with a readable name, and keeps the current zone', () => {
    const options = timeZoneOptions(available, 'Etc/Unknown_Zone', 'pt-BR');
    expect(options[1]).toEqual({
      zone: 'America/Sao_Paulo',
      label: 'Horário de Brasília (São Paulo)',
      brazilian: true,
    });
    expect(options.filter((option) => option.brazilian)).toHaveLength(brazilianTimeZones.length);
    expect(options.some((option) => option.zone === 'Etc/Unknown_Zone')).toBe(true);
    const lisbon = options.find((option) => option.zone === 'Europe/Lisbon');
    expect(lisbon?.label).toMatch(/\(Lisbon\)$/);
    expect(new Set(options.map((option) => option.zone)).size).toBe(options.length);
  });
});
