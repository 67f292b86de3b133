// Service worker entry. Clicking the toolbar action opens the side panel.
chrome.sidePanel
  .setPanelBehavior({ openPanelOnActionClick: true })
  .catch((error: unknown) => console.error('Tactful: could not set side panel behaviour', error));
