import { describe, expect, it } from 'vitest';
import { commands } from '../../../../shared/contract';

describe('settings patches from staff', () => {
  it('carry only the fields given, so the others keep their stored values', () => {
    expect(commands.updateAgendaSettings.input.parse({ capacity: 2 })).toEqual({ capacity: 2 });
    expect(commands.updateOrderSettings.input.parse({ deliveryFeeCents: 500 })).toEqual({ deliveryFeeCents: 500 });
  });

  it('still check each field', () => {
    expect(commands.updateAgendaSettings.input.safeParse({ capacity: 0 }).success).toBe(false);
    expect(commands.updateAgendaSettings.input.safeParse({ slotStepMin: 7.5 }).success).toBe(false);
    expect(commands.updateOrderSettings.input.safeParse({ deliveryFeeCents: -1 }).success).toBe(false);
    expect(commands.updateOrderSettings.input.safeParse({ colour: 'red' }).success).toBe(false);
  });
});
