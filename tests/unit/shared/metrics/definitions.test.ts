import { describe, expect, it } from 'vitest';
import { metricDefinitions } from '../../../../shared/metrics/definitions';

describe('the metrics’ definitions for the help', () => {
  it('exist in both languages for the same terms, none empty', () => {
    expect(Object.keys(metricDefinitions['pt-BR']).sort()).toEqual(Object.keys(metricDefinitions.en).sort());
    for (const definitions of Object.values(metricDefinitions)) {
      for (const { term, definition } of Object.values(definitions)) {
        expect(term.trim()).not.toBe('');
        expect(definition.trim()).not.toBe('');
      }
    }
  });

  it('keep the issue’s English words, which are the contract', () => {
    const { en } = metricDefinitions;
    expect(en.conversation.definition).toBe(
      'Starts with a customer message when no window is open for that customer (the first message ever, or the first after the previous window expired). Every customer message inside an open window belongs to it and extends its window. It ends when its window expires.',
    );
    expect(en.missed.definition).toBe('The window expired with a customer message still unanswered.');
    expect(en.pending.definition).toBe('Still open, not yet answered.');
    expect(en.responseRate.definition).toBe(
      'Response rate = answered ÷ (answered + missed). Pending conversations are not in it.',
    );
  });
});
