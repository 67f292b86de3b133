// The demo helpdesk: a single-page app with a ticket queue, a thread and a reply editor.
// It behaves like a real helpdesk for Tactful: ticket switches without page loads, new messages
// arriving, and a contenteditable reply editor. Sending only adds the reply to this page.
const tickets = await (await fetch('/demo/tickets.json')).json();
const list = document.getElementById('ticket-list');
const main = document.getElementById('ticket');

// `?messages=2000` pads every ticket with earlier history: a stress test for long threads.
const padding = Number(new URLSearchParams(location.search).get('messages')) || 0;
if (padding > 0) {
  const lines = ['Any news on this?', 'We are looking into it and will update you shortly.', 'Thanks, I will wait for your reply.', 'Here is the screenshot you asked for.'];
  for (const t of tickets) {
    const history = Array.from({ length: padding }, (_, i) => ({
      role: i % 2 ? 'agent' : 'customer',
      author: i % 2 ? 'Support' : t.requester,
      time: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      text: `${lines[i % lines.length]} (#${i + 1})`,
    }));
    t.messages.unshift(...history);
  }
}

const ticketFromPath = () => Number((location.pathname.match(/\/demo\/tickets\/(\d+)/) || [])[1]);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

/** Paragraphs as <p>; an "On ... wrote:" tail (quoted history) in a blockquote, as mail clients do. */
function renderBody(text) {
  const body = el('div', { class: 'msg-body' });
  const quoteAt = text.search(/\n\s*On [^\n]+ wrote:\n/);
  const own = quoteAt >= 0 ? text.slice(0, quoteAt) : text;
  for (const para of own.split(/\n{2,}/)) {
    const p = el('p');
    para.split('\n').forEach((line, i) => { if (i) p.append(el('br')); p.append(line); });
    body.append(p);
  }
  if (quoteAt >= 0) body.append(el('blockquote', { class: 'quoted' }, text.slice(quoteAt).trim()));
  return body;
}

function renderMessage(m, i, ticket) {
  const cls = m.role === 'internal' ? 'note' : m.role;
  const li = el('li', { class: `msg ${cls}`, 'data-message-id': `${ticket.id}-${i}` });
  li.append(
    el('div', { class: 'msg-meta' }, el('span', { class: 'msg-author' }, m.author), ' · ', el('time', { datetime: m.time }, new Date(m.time).toLocaleString()), m.role === 'internal' ? ' · internal note' : ''),
    renderBody(m.text),
  );
  return li;
}

function renderList(current) {
  list.replaceChildren(...tickets.map((t) => el('li', {}, Object.assign(el('a', { href: `/demo/tickets/${t.id}`, ...(t.id === current ? { 'aria-current': 'page' } : {}) }, `#${t.id} ${t.subject}`)))));
}

function renderTicket(id) {
  const ticket = tickets.find((t) => t.id === id);
  renderList(id);
  if (!ticket) {
    delete main.dataset.ticket;
    main.replaceChildren(el('p', { class: 'empty' }, 'Pick a ticket on the left.'));
    return;
  }
  document.title = `#${ticket.id} ${ticket.subject} – Acme Helpdesk`;
  main.dataset.ticket = String(id);
  const thread = el('ol', { class: 'thread', id: 'thread' });
  // Long histories arrive in batches, as helpdesks load them, so the page itself never blocks.
  const BATCH = 200;
  const fill = (from) => {
    if (main.dataset.ticket !== String(id)) return;
    thread.append(...ticket.messages.slice(from, from + BATCH).map((m, i) => renderMessage(m, from + i, ticket)));
    if (from + BATCH < ticket.messages.length) setTimeout(() => fill(from + BATCH), 0);
  };
  const editor = el('div', { class: 'reply-editor', id: 'reply-editor', contenteditable: 'true', role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Reply to customer' }, el('p', {}, el('br')));
  const send = el('button', { type: 'button', id: 'send' }, 'Send reply');
  const simulate = el('button', { type: 'button', id: 'simulate' }, 'Simulate a customer reply');
  send.addEventListener('click', () => {
    const text = [...editor.querySelectorAll('p')].map((p) => p.innerText.trim()).filter(Boolean).join('\n\n') || editor.innerText.trim();
    if (!text) return;
    ticket.messages.push({ role: 'agent', author: 'You', time: new Date().toISOString(), text });
    thread.append(renderMessage(ticket.messages.at(-1), ticket.messages.length - 1, ticket));
    editor.replaceChildren(el('p', {}, el('br')));
  });
  simulate.addEventListener('click', () => addCustomerMessage(ticket, thread, 'I have been waiting for DAYS and still nothing!!! This is ridiculous, I want a refund.'));
  main.replaceChildren(
    el('div', { class: 'ticket-head' }, el('h1', { id: 'subject' }, ticket.subject), el('p', { class: 'requester' }, 'Requester: ', el('span', { id: 'requester' }, ticket.requester), ` <${ticket.email}>`)),
    thread,
    el('section', { class: 'reply' }, el('label', { for: 'reply-editor' }, 'Reply'), editor, el('div', { class: 'reply-actions' }, send, simulate)),
  );
  fill(0);
}

function addCustomerMessage(ticket, thread, text) {
  ticket.messages.push({ role: 'customer', author: ticket.requester, time: new Date().toISOString(), text });
  thread.append(renderMessage(ticket.messages.at(-1), ticket.messages.length - 1, ticket));
}

list.addEventListener('click', (event) => {
  const a = event.target.closest('a');
  if (!a) return;
  event.preventDefault();
  history.pushState({}, '', a.getAttribute('href') + location.search);
  renderTicket(ticketFromPath());
});
addEventListener('popstate', () => renderTicket(ticketFromPath()));
// For tests and scripted demos.
window.demo = {
  tickets,
  open(id) { history.pushState({}, '', `/demo/tickets/${id}${location.search}`); renderTicket(id); },
  addCustomerMessage(text) { const id = ticketFromPath(); const t = tickets.find((x) => x.id === id); if (t) addCustomerMessage(t, document.getElementById('thread'), text); },
};
renderTicket(ticketFromPath() || tickets[0].id);
if (!ticketFromPath()) history.replaceState({}, '', `/demo/tickets/${tickets[0].id}${location.search}`);
