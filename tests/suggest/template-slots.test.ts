import { describe, expect, it } from 'vitest';
import { extractOrder, extractSlots, extractTicket, extractWait, fillTemplate, parseTemplate } from '../../src/engine';

const fill = (t: string, slots: Record<string, string>) => fillTemplate(parseTemplate(t), slots);

describe('templates', () => {
  it('fills slots and uses fallbacks, never leaving braces or "Hi ,"', () => {
    expect(fill('Hi {name},', { name: 'Sarah' })).toBe('Hi Sarah,');
    expect(fill('Hi {name|there},', {})).toBe('Hi there,');
    expect(fill('Hi {name|},', {})).toBe('Hi,');
    expect(fill('Your order {order} is late.', {})).toBeNull();
    expect(fill('Your order {order|} has shipped.', {})).toBe('Your order has shipped.');
    expect(fill('waiting {wait|this long} for it', {})).toBe('Waiting this long for it');
  });

  it('refuses unknown slots and broken braces with a clear message', () => {
    expect(() => parseTemplate('Hi {nmae}')).toThrow(/unknown slot \{nmae\}; slots are \{name\}/);
    expect(() => parseTemplate('Hi {name')).toThrow(/never closed/);
    expect(() => parseTemplate('Hi name}')).toThrow(/without "\{"/);
  });
});

describe('slot extraction', () => {
  it('tells a past wait from a future one', () => {
    expect(extractWait('I have been waiting for three weeks')).toBe('three weeks');
    expect(extractWait('I ordered it 3 weeks ago and nothing')).toBe('3 weeks');
    expect(extractWait('my holiday starts in 3 weeks')).toBeUndefined();
    expect(extractWait('still nothing since Monday')).toBe('since Monday');
    expect(extractWait('I will wait for a few days from now')).toBeUndefined();
  });

  it('tells order numbers from phone and card numbers', () => {
    expect(extractOrder('My order #48213 never came')).toBe('48213');
    expect(extractOrder('order number: AB-77812')).toBe('AB-77812');
    expect(extractOrder('Call me on 07700 900123 about my order')).toBeUndefined();
    expect(extractOrder('please call 555-0199-2231')).toBeUndefined();
    expect(extractOrder('my card 4111111111111111 was charged for the order')).toBeUndefined();
    expect(extractTicket('re: ticket #5521')).toBe('5521');
    expect(extractTicket('I asked for a refund 123')).toBeUndefined();
  });

  it('takes the customer name from metadata, then the agent greeting, then the signature', () => {
    const thread = [
      { role: 'customer' as const, text: 'Hi Tom, my order #48213 is late.\n\nBest regards,\nSarah Jones\nAcme Ltd' },
    ];
    expect(extractSlots(thread).name).toBe('Sarah'); // "Hi Tom" greets the agent, not the customer
    expect(extractSlots([...thread, { role: 'agent', text: 'Hi Sally,\nSorry about that.' }]).name).toBe('Sally');
    expect(extractSlots(thread, { customerName: 'Mr. John Smith' }).name).toBe('John');
    expect(extractSlots(thread, { customerName: 'sarah.j@example.com' }).name).toBe('Sarah'); // not a name: fall back
    expect(extractSlots(thread, { customerName: 'Priya Patel' }).name).toBe('Priya');
    expect(extractSlots(thread).order).toBe('#48213');
  });

  it('ignores names and numbers in quoted history', () => {
    const thread = [{ role: 'customer' as const, text: 'Where is it?\n\nOn Mon, 3 Mar 2025, Acme <a@b.c> wrote:\n> Hi Bob, order #99887 ships in 2 days\n> Regards,\n> Kate' }];
    const slots = extractSlots(thread);
    expect(slots.order).toBeUndefined();
    expect(slots.wait).toBeUndefined();
    expect(slots.name).toBeUndefined();
  });
});
