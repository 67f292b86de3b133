import { describe, expect, it } from 'vitest';
import { covers, scriptPlan } from '../../src/background/custom-helpdesks';

const declared = ['https://*.zendesk.com/*', 'http://127.0.0.1/*', 'http://localhost/*'];
const file = 'assets/main.iife.js';

describe('content script registration for custom helpdesks', () => {
  it('knows which patterns the manifest already covers', () => {
    expect(covers('http://127.0.0.1/*', 'http://127.0.0.1/*')).toBe(true);
    expect(covers('http://127.0.0.1/*', 'http://127.0.0.1:8080/casebook/*')).toBe(true);
    expect(covers('https://*.zendesk.com/*', 'https://acme.zendesk.com/*')).toBe(true);
    expect(covers('https://*.zendesk.com/*', 'https://*.eu.zendesk.com/*')).toBe(true);
    expect(covers('https://*.zendesk.com/*', 'https://zendesk.com/*')).toBe(true);
    expect(covers('https://*.zendesk.com/*', 'https://zendesk.com.evil.example/*')).toBe(false);
    expect(covers('http://127.0.0.1/*', 'https://127.0.0.1/*')).toBe(false);
    expect(covers('http://127.0.0.1/*', '*://127.0.0.1/*')).toBe(false);
    expect(covers('https://app.intercom.com/*', 'https://*.intercom.com/*')).toBe(false);
  });

  it('registers granted, uncovered patterns once, and removes what is no longer wanted', () => {
    const plan = scriptPlan({
      patterns: ['https://help.acme.example/*', 'https://desk.other.example/*', 'http://127.0.0.1/*', 'https://panel.example/*', 'https://kept.example/*'],
      granted: new Set(['https://help.acme.example/*', 'http://127.0.0.1/*', 'https://panel.example/*', 'https://kept.example/*']),
      declared,
      registered: [
        // The side panel's own registration for an origin covers that helpdesk already.
        { id: 'custom:https://panel.example', matches: ['https://panel.example/*'], js: [file] },
        { id: 'helpdesk:https://kept.example/*', matches: ['https://kept.example/*'], js: [file] },
        { id: 'helpdesk:https://removed.example/*', matches: ['https://removed.example/*'], js: [file] },
      ],
      file,
    });
    expect(plan).toEqual({
      unregister: ['helpdesk:https://removed.example/*'],
      register: [{ id: 'helpdesk:https://help.acme.example/*', pattern: 'https://help.acme.example/*' }],
    });
  });

  it('re-registers a script whose file changed with an update', () => {
    const plan = scriptPlan({
      patterns: ['https://kept.example/*'],
      granted: new Set(['https://kept.example/*']),
      declared,
      registered: [{ id: 'helpdesk:https://kept.example/*', matches: ['https://kept.example/*'], js: ['assets/old.js'] }],
      file,
    });
    expect(plan).toEqual({ unregister: ['helpdesk:https://kept.example/*'], register: [{ id: 'helpdesk:https://kept.example/*', pattern: 'https://kept.example/*' }] });
  });
});
