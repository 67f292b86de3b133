export { composeReply, suggest, type ComposeOptions, type SuggestOptions, type Suggestion } from './suggest';
export { extractOrder, extractSlots, extractTicket, extractWait, type SuggestContext } from './slots';
export { fillTemplate, parseTemplate, SLOT_NAMES, type SlotName, type Slots } from './template';
