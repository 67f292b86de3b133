import { describe, expect, it } from 'vitest';
import { segmentMessage } from '../../src/engine/text/segment';

const activeText = (text: string) => segmentMessage(text).active.map(([a, b]) => text.slice(a, b)).join('|');

describe('segmentMessage', () => {
  it('drops Gmail-style quoted history', () => {
    const text = 'Still no refund.\n\nOn Mon, 3 Mar 2025 at 10:02, Support <help@x.com> wrote:\n> We are sorry for the delay.\n> Your idiot order';
    expect(activeText(text)).toBe('Still no refund.');
    expect(segmentMessage(text).quoted.length).toBeGreaterThan(0);
  });

  it('drops a wrapped "On ... wrote:" header', () => {
    const text = 'Where is it?\nOn Tue, Mar 4, 2025 at 9:00 AM Acme Support <support@acme.example>\nwrote:\n> old text';
    expect(activeText(text)).toBe('Where is it?');
  });

  it('drops Outlook headers and Original Message blocks', () => {
    expect(activeText('Fix it.\nFrom: Help Desk\nSent: Monday\nTo: me\nSubject: Re: x\nold')).toBe('Fix it.');
    expect(activeText('Fix it.\n-----Original Message-----\nold words')).toBe('Fix it.');
  });

  it('drops "> " lines in the middle but keeps the words around them', () => {
    expect(activeText('You said:\n> it ships Monday\nIt did not.')).toBe('You said:|It did not.');
  });

  it('finds signatures: dashes, Sent from, and sign-offs followed by short lines', () => {
    const a = 'Please help.\n-- \nJane Doe\nAcme Ltd';
    expect(activeText(a)).toBe('Please help.');
    expect(segmentMessage(a).signature).not.toBeNull();
    expect(activeText('Please help.\nSent from my iPhone')).toBe('Please help.');
    expect(activeText('I am still waiting.\n\nBest regards,\nJane Smith\nHead of Ops')).toBe('I am still waiting.');
  });

  it('does not treat a sign-off word inside the text as a signature', () => {
    const text = 'Thanks,\nbut the order never came and I want to know why it never came.';
    expect(activeText(text)).toBe(text);
  });
});
