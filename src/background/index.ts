// Service worker entry. Clicking the toolbar action opens the side panel; the router connects
// content scripts in helpdesk tabs with the side panel; policy, the log's review service and the
// registration of the content script on custom helpdesks run beside it.
import { startCustomHelpdeskScripts } from './custom-helpdesks';
import { startReviewService } from './log/review-service';
import { startPolicy } from './packs/policy';
import { startRouter } from './router';

chrome.sidePanel
  .setPanelBehavior({ openPanelOnActionClick: true })
  .catch((error: unknown) => console.error('Tactful: could not set side panel behaviour', error));

startRouter();
startPolicy();
startReviewService();
startCustomHelpdeskScripts();
