import { describe, expect, it } from 'vitest';
import { redactFields, redactText } from '../../../../../electron/backend/logging/redact';

describe('the log redaction rule', () => {
  it('masks WhatsApp ids of people and groups', () => {
    expect(redactText('no chat 5511987654321@c.us')).toBe('no chat [chat]');
    expect(redactText('group 120363041234567890@g.us left')).toBe('group [chat] left');
    expect(redactText('sent to 5511987654321-1600000000@g.us and 123456789012345@lid')).toBe(
      'sent to [chat] and [chat]',
    );
  });

  it('masks phone numbers however they are written', () => {
    for (const phone of [
      '5511987654321',
      '+5511987654321',
      '+55 11 98765-4321',
      '+55 (11) 98765-4321',
      '(11) 98765-4321',
      '11 3456-7890',
      '11.98765.4321',
      '1198765432',
      '98765-4321',
      '3456-7890',
    ]) {
      expect(redactText(`call ${phone} now`), phone).toBe('call [phone] now');
    }
  });

  it('keeps what is not a phone number', () => {
    expect(redactText('retry 3 in 2000 ms (TIMEOUT)')).toBe('retry 3 in 2000 ms (TIMEOUT)');
    expect(redactText('port 4780, attempt 12')).toBe('port 4780, attempt 12');
    expect(redactText('net::ERR_NAME_NOT_RESOLVED')).toBe('net::ERR_NAME_NOT_RESOLVED');
  });

  it('drops the fields that carry message text, at any depth, and masks the other strings', () => {
    expect(
      redactFields({
        text: 'Quero 3 bolos',
        Body: 'oi',
        caption: 'foto do bolo',
        chatId: '5511987654321@c.us',
        attempt: 2,
        message: { body: 'oi', from: '+55 11 98765-4321', ack: 1 },
        list: ['5511987654321'],
      }),
    ).toEqual({ chatId: '[chat]', attempt: 2, message: { from: '[phone]', ack: 1 }, list: ['[phone]'] });
  });

  it('keeps an error’s name and a masked message', () => {
    const error = new Error('Evaluation failed: 5511987654321@c.us');
    expect(redactFields({ error })).toMatchObject({
      error: { type: 'Error', message: 'Evaluation failed: [chat]' },
    });
  });
});
