/**
 * The panel's line to the service worker, for one tab at a time. The real panel follows the active
 * tab of its window; a panel opened as a tab (tests, `npm start --headless`) names its tab in the URL
 * (`?tab=123`). Tests of the model use a fake transport instead.
 */
import { PANEL_PORT, type BackgroundToPanel, type PanelMessage } from '../shared/protocol';

export interface PanelTransport {
  send(message: PanelMessage): void;
  onMessage(listener: (message: BackgroundToPanel) => void): void;
  /** Calls back with the tab the panel is for, now and whenever it changes. */
  onTab(listener: (tabId: number) => void): void;
}

export function chromeTransport(): PanelTransport {
  const listeners: Array<(m: BackgroundToPanel) => void> = [];
  let port: chrome.runtime.Port | null = null;
  let currentTab: number | undefined;
  const connect = () => {
    port = chrome.runtime.connect({ name: PANEL_PORT });
    port.onMessage.addListener((m: BackgroundToPanel) => listeners.forEach((l) => l(m)));
    port.onDisconnect.addListener(() => {
      port = null;
      // The service worker restarted: subscribe again so it sends the tab's state.
      if (currentTab !== undefined) setTimeout(() => send({ type: 'panel/subscribe', tabId: currentTab! }), 100);
    });
  };
  const send = (message: PanelMessage) => {
    if (message.type === 'panel/subscribe') currentTab = message.tabId;
    if (!port) connect();
    port!.postMessage(message);
  };
  return {
    send,
    onMessage: (listener) => listeners.push(listener),
    onTab(listener) {
      const fixed = Number(new URLSearchParams(location.search).get('tab'));
      if (Number.isInteger(fixed) && fixed > 0) return listener(fixed);
      let windowId: number | undefined;
      void chrome.windows.getCurrent().then((w) => {
        windowId = w.id;
        return chrome.tabs.query({ active: true, windowId: w.id });
      }).then(([tab]) => tab?.id !== undefined && listener(tab.id));
      chrome.tabs.onActivated.addListener((info) => {
        if (windowId === undefined || info.windowId === windowId) listener(info.tabId);
      });
    },
  };
}
