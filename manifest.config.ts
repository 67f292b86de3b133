import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };

const icons = {
  16: 'icons/icon-16.png',
  32: 'icons/icon-32.png',
  48: 'icons/icon-48.png',
  128: 'icons/icon-128.png',
};

/**
 * Where the content script runs without asking: the SaaS helpdesks we have adapters for, and
 * loopback, where self-hosted helpdesks (Request Tracker, FreeScout, osTicket) and the demo run in
 * development. Any other helpdesk domain is granted per origin at runtime (optional host
 * permissions, requested with a user gesture), never as <all_urls>. Keep in sync with the
 * adapters' match patterns (tests/architecture checks it).
 */
export const HELPDESK_MATCHES = [
  'https://*.zendesk.com/*',
  'https://*.freshdesk.com/*',
  'https://app.intercom.com/*',
  'https://secure.helpscout.net/*',
  'https://app.frontapp.com/*',
  'https://mail.google.com/*',
  'http://127.0.0.1/*',
  'http://localhost/*',
];

/**
 * Extension pages the manifest does not name (it has no key for them): vite.config.ts adds them as
 * build inputs so crxjs bundles them like the side panel. The QA review page opens from the options
 * page or by its URL.
 */
export const EXTRA_PAGES = ['src/review/index.html'];

export default defineManifest({
  manifest_version: 3,
  name: 'Tactful',
  version: pkg.version,
  description: pkg.description,
  icons,
  action: {
    default_title: 'Open Tactful',
    default_icon: icons,
  },
  background: {
    service_worker: 'src/background/index.ts',
    type: 'module',
  },
  side_panel: {
    default_path: 'src/sidepanel/index.html',
  },
  options_page: 'src/options/index.html',
  // alarms: apply log retention daily (a sleeping service worker has no timers).
  permissions: ['sidePanel', 'storage', 'scripting', 'activeTab', 'alarms'],
  host_permissions: HELPDESK_MATCHES,
  optional_host_permissions: ['https://*/*', 'http://*/*'],
  content_scripts: [
    {
      // One self-contained file (IIFE): it can also be registered for custom helpdesk origins.
      js: ['src/content/main.iife.ts'],
      matches: HELPDESK_MATCHES,
      run_at: 'document_idle',
      all_frames: false,
    },
  ],
  commands: {
    _execute_action: { suggested_key: { default: 'Alt+Shift+T' }, description: 'Open the Tactful panel' },
    'insert-top-suggestion': { suggested_key: { default: 'Alt+Shift+I' }, description: 'Insert the top suggestion' },
    'next-wording': { suggested_key: { default: 'Alt+Shift+N' }, description: 'Show another wording of the top suggestion' },
  },
  // Enterprise policy (packs, locks, helpdesks, logging); see rules/POLICY.md.
  storage: { managed_schema: 'managed_schema.json' },
  content_security_policy: {
    // connect-src 'self': our pages cannot reach the network even by mistake.
    extension_pages: "script-src 'self'; object-src 'self'; connect-src 'self'",
  },
});
