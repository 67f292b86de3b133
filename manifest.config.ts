import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };

const icons = {
  16: 'icons/icon-16.png',
  32: 'icons/icon-32.png',
  48: 'icons/icon-48.png',
  128: 'icons/icon-128.png',
};

// Least privilege: no host permissions and no content scripts yet; helpdesk access will be
// requested per site at runtime (optional permissions), never as <all_urls>.
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
  permissions: ['sidePanel', 'storage'],
  // Enterprise policy (packs, locks, helpdesks, logging); see rules/POLICY.md.
  storage: { managed_schema: 'managed_schema.json' },
  content_security_policy: {
    // connect-src 'self': our pages cannot reach the network even by mistake.
    extension_pages: "script-src 'self'; object-src 'self'; connect-src 'self'",
  },
});
