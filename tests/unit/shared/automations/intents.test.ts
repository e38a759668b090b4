import { describe, expect, it } from 'vitest';
import { isOptOut, wantsHuman } from '../../../../shared/automations/intents';

describe('wantsHuman', () => {
  it.each([
    'atendente',
    'ATENDENTE!',
    'quero falar com um atendente',
    'atendente por favor',
    'atendnete',
    'humano',
    'quero atendimento humano',
    'falar com alguém',
    'falar com alguem',
    'posso falar com alguém?',
    'quero falar com uma pessoa',
    'tem uma pessoa de verdade aí?',
    'falar com o dono',
    'I want to talk to a person',
    'agent',
    'can I speak to someone',
    'real person please',
  ])('%j asks for a person', (message) => {
    expect(wantsHuman(message)).toBe(true);
  });

  it.each([
    'quero um bolo para 10 pessoas',
    'horário de funcionamento',
    'obrigada!',
    'oi',
    'alguém da minha família vai buscar',
    'o atendimento foi ótimo',
    'talk soon',
    '',
  ])('%j does not', (message) => {
    expect(wantsHuman(message)).toBe(false);
  });
});

describe('isOptOut', () => {
  it.each([
    'PARAR',
    'parar',
    'Parar.',
    'SAIR',
    'sair!',
    'STOP',
    'stop please',
    'parar de receber',
    'Parar de receber mensagens',
    'quero parar de receber mensagens, obrigado',
    'Não quero mais receber mensagens',
    'nao quero receber mensagens',
    'sair da lista',
    'descadastrar',
    'unsubscribe',
  ])('%j opts out', (message) => {
    expect(isOptOut(message)).toBe(true);
  });

  it.each([
    'não quero sair de casa',
    'vou sair agora, depois passo aí',
    'parar o carro na frente?',
    'stop by later',
    'pode parar de mandar o bolo de chocolate, quero o de morango',
    'parara',
    'sai',
    // Cancelling a booking or an order is not a wish to hear nothing more from the shop.
    'cancelar',
    'Cancelar!',
    'quero cancelar',
    '',
  ])('%j does not', (message) => {
    expect(isOptOut(message)).toBe(false);
  });
});
