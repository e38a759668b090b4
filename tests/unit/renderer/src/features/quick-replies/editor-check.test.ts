import { describe, expect, it } from 'vitest';
import { checkQuickReplyText } from '../../../../../../renderer/src/features/quick-replies/editor-check';

describe('the editor’s advice', () => {
  it('suggests the nearest real field for a typo', () => {
    expect(checkQuickReplyText('Oi {{frist_name}}', []).suggestions).toEqual([
      { name: 'frist_name', suggestion: 'first_name' },
    ]);
    expect(checkQuickReplyText('{{order_di}}', ['order_id']).suggestions).toEqual([
      { name: 'order_di', suggestion: 'order_id' },
    ]);
  });

  it('separates impossible names from fields no customer has yet', () => {
    const check = checkQuickReplyText('{{Pickup Date}} {{pickup_date}} {{order_id}}', ['order_id']);
    expect(check.impossible).toEqual(['pickup date']);
    expect(check.unseen).toEqual(['pickup_date']);
    expect(check.malformed).toBe(false);
  });
});
