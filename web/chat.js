// The assistant beside the indicator table of a server-side draft: a message box, answers streamed from
// POST /api/drafts/{id}/chat, proposed changes as cards that change the draft only when accepted, questions answered
// in place, and cited past declarations that open in their own page. The conversation is reloaded from the server.
// Text is rendered by markdown.js, which builds nodes only.
'use strict';

// templates: the wording (name and value) of rows accepted from a generic template; such a row is labelled in the
// table until its wording is edited.
const chat = { draft: null, canEdit: false, sending: false, templates: new Set(), hooks: {} };

const CHANGE_OPS = { add: '新增', update: '修改', remove: '删除' };
const CHANGE_STATUS = { ACCEPTED: '已接受', REJECTED: '已拒绝', UNDONE: '已撤销' };
const SEVERITY_WORDS = { ERROR: '必须修改', WARNING: '建议修改', INFO: '提示' };
// Token events of the offline assistant are whole sentences or lists; a model streams fragments. A token that follows
// the end of a sentence starts a new line, so that a list is not continued by the next sentence.
const SENTENCE_END = /[。！？：]$/;

function isTemplateChange(change) {
  return (change.rationale || '').startsWith('通用模板');
}

const rowKey = (row) => `${row.name || ''}\u0000${row.value || ''}`;

/** Whether a row of the table is still a generic template accepted from the assistant. */
function isTemplateRow(row) {
  return chat.templates.has(rowKey(row));
}

function sourceLink(source) {
  const title = source.title || source.projectName || source.id;
  return source.kind === 'DECLARATION' && source.projectName
    ? el('a', { href: 'project.html?id=' + encodeURIComponent(source.id), target: '_blank', rel: 'noopener', textContent: title })
    : el('span', { textContent: title });
}

/** One assistant answer: its text, cards, questions and sources, filled event by event. */
function answerBox() {
  const box = {
    text: '',
    sources: new Map(),
    node: el('div', { className: 'message assistant' }),
    body: el('div', { className: 'md' }),
    extras: el('div', { className: 'answer-extras' }),
    sourceList: el('ul', { className: 'sources' }),
  };
  box.sourceHead = el('p', { className: 'sources-head', textContent: '来源（点击查看原申报）：', hidden: true });
  box.node.append(box.body, box.extras, box.sourceHead, box.sourceList);
  return box;
}

function addToken(box, text) {
  box.text += box.text && SENTENCE_END.test(box.text) && !/^[\s，。、；：）》]/.test(text) ? '\n' + text : text;
  const rendered = renderMarkdown(box.text);
  box.node.replaceChild(rendered, box.body);
  box.body = rendered;
}

function addSource(box, source) {
  if (box.sources.has(source.id)) return;
  box.sources.set(source.id, source);
  box.sourceHead.hidden = false;
  box.sourceList.append(el('li', {}, sourceLink(source)));
}

function addFinding(box, f) {
  const basis = (f.basis || []).length ? `（依据：${f.basis.join('；')}）` : '';
  box.extras.append(el('div', { className: 'finding ' + f.severity },
    el('strong', { textContent: `规则：${f.title || f.ruleId}（${SEVERITY_WORDS[f.severity] || f.severity}）` }),
    el('span', { textContent: ' ' + (f.message || '') + basis })));
}

function addQuestion(box, q, open) {
  const input = el('input', { className: 'answer', placeholder: '请输入，例如 3200', disabled: !open });
  const button = el('button', { type: 'submit', className: 'small', textContent: '回答', disabled: !open });
  const form = el('form', { className: 'question' }, el('label', { textContent: q.text }), input, button);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (input.value.trim()) send(input.value.trim());
  });
  box.extras.append(form);
}

function changeCard(box, change, stored) {
  const row = change.row || {};
  const where = change.indicatorIndex === null || change.indicatorIndex === undefined ? '' : `第 ${change.indicatorIndex + 1} 行`;
  const head = el('div', { className: 'change-head' },
    el('strong', { textContent: `${CHANGE_OPS[change.op] || change.op}${where ? ' · ' + where : ''}` }));
  if (isTemplateChange(change)) head.append(el('span', { className: 'template-badge', textContent: '通用模板' }));
  const card = el('div', { className: 'change-card' }, head,
    el('div', { className: 'change-row', textContent: [`${row.level1 || ''}／${row.level2 || ''}`, row.name, row.value]
      .filter(Boolean).join(' ｜ ') }));
  card.dataset.changeId = change.id;
  if (change.op === 'update' && change.previous) {
    card.append(el('div', { className: 'hint', textContent: `原值：${change.previous.value || '（空）'}` }));
  }
  if (change.rationale) card.append(el('div', { className: 'rationale', textContent: change.rationale }));
  for (const f of change.findings || []) {
    card.append(el('span', { className: 'finding ' + f.severity, textContent: `${SEVERITY_WORDS[f.severity] || f.severity}：${f.message}` }));
  }
  const cited = (change.sources || []).map((id) => box.sources.get(id)).filter(Boolean);
  if (cited.length) {
    const list = el('div', { className: 'hint' }, '参考：');
    cited.forEach((s, i) => list.append(i ? '、' : '', sourceLink(s)));
    card.append(list);
  }
  const status = el('span', { className: 'change-status' });
  const accept = el('button', { type: 'button', className: 'small accept', textContent: '接受' });
  const reject = el('button', { type: 'button', className: 'small secondary reject', textContent: '拒绝' });
  const decided = (text) => { accept.hidden = reject.hidden = true; status.textContent = text; };
  accept.addEventListener('click', () => decide(change, 'accept', decided, status));
  reject.addEventListener('click', () => decide(change, 'reject', decided, status));
  accept.disabled = reject.disabled = !chat.canEdit;
  card.append(el('div', { className: 'actions' }, accept, reject, status));
  if (stored && stored.status !== 'PROPOSED') {
    decided(CHANGE_STATUS[stored.status] + (stored.appliedVersion ? `（第 ${stored.appliedVersion} 版）` : ''));
  }
  box.extras.append(card);
}

async function decide(change, decision, decided, status) {
  if (decision === 'accept' && chat.hooks.isDirty()) {
    status.textContent = '表格中有未保存的修改：请先保存，再接受建议。';
    return;
  }
  const response = await fetch(`/api/drafts/${chat.draft.id}/changes/${encodeURIComponent(change.id)}/${decision}`, { method: 'POST' });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) { status.textContent = data.message || '操作失败'; return; }
  if (decision === 'reject') { decided('已拒绝'); return; }
  decided(`已接受（第 ${data.version} 版）`);
  if (isTemplateChange(change) && change.op !== 'remove') chat.templates.add(rowKey(change.row));
  chat.draft = data;
  chat.hooks.accepted(data);
}

function showEvent(box, event, stored, open) {
  switch (event.type) {
    case 'token': addToken(box, event.text || ''); break;
    case 'source': addSource(box, event); break;
    case 'finding': addFinding(box, event); break;
    case 'question': addQuestion(box, event, open); break;
    case 'change': changeCard(box, event, stored.get(event.id)); break;
    case 'error': box.extras.append(el('div', { className: 'finding ERROR', textContent: event.message || '助手出错了' })); break;
    default: break;
  }
}

function appendMessage(node) {
  $('chat-log').append(node);
  $('chat-log').scrollTop = $('chat-log').scrollHeight;
}

function closeQuestions() {
  for (const input of $('chat-log').querySelectorAll('form.question input, form.question button')) input.disabled = true;
}

async function send(message) {
  if (chat.sending || !chat.draft) return;
  chat.sending = true;
  $('chat-send').disabled = true;
  closeQuestions();
  appendMessage(el('div', { className: 'message user', textContent: message }));
  const box = answerBox();
  appendMessage(box.node);
  try {
    const response = await fetch(`/api/drafts/${chat.draft.id}/chat`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ message }),
    });
    if (!response.ok) {
      const data = await response.json().catch(() => ({}));
      showEvent(box, { type: 'error', message: data.message || `发送失败（${response.status}）` }, new Map(), false);
      return;
    }
    await readEvents(response, (name, event) => {
      showEvent(box, { ...event, type: name }, new Map(), true);
      $('chat-log').scrollTop = $('chat-log').scrollHeight;
    });
  } catch (e) {
    showEvent(box, { type: 'error', message: '连接中断：' + e.message }, new Map(), false);
  } finally {
    chat.sending = false;
    $('chat-send').disabled = false;
  }
}

/** Shows the conversation of {@code draft} (null: a draft not saved yet, which has none). */
async function chatShow(draft, canEdit) {
  const same = chat.draft && draft && chat.draft.id === draft.id;
  chat.draft = draft;
  chat.canEdit = canEdit;
  $('chat-input').disabled = $('chat-send').disabled = !draft;
  $('chat-input').placeholder = draft ? '例如：补充时效指标；第2行为什么被标记？；把满意度改成不低于95%' : '保存草稿后即可与助手对话';
  if (same) {
    for (const b of $('chat-log').querySelectorAll('.change-card button')) b.disabled = !canEdit;
    return;
  }
  $('chat-log').replaceChildren();
  chat.templates = new Set();
  if (!draft) return;
  const response = await fetch(`/api/drafts/${draft.id}/chat`);
  if (!response.ok || chat.draft !== draft) return;
  const conversation = await response.json();
  const stored = new Map(conversation.changes.map((c) => [c.id, c]));
  for (const c of conversation.changes) {
    if (c.status === 'ACCEPTED' && isTemplateChange(c.change) && c.change.op !== 'remove') chat.templates.add(rowKey(c.change.row));
  }
  if (chat.templates.size) chat.hooks.templatesKnown();
  conversation.turns.forEach((turn, i) => {
    appendMessage(el('div', { className: 'message user', textContent: turn.message }));
    const box = answerBox();
    const last = i === conversation.turns.length - 1;
    for (const event of turn.events) showEvent(box, event, stored, last);
    appendMessage(box.node);
  });
}

/**
 * {@code hooks}: accepted(draft) after a change became the draft's next version; isDirty() whether the table has
 * unsaved edits (a change is then not accepted, so that they are not lost); templatesKnown() when the conversation
 * says which rows are generic templates.
 */
function chatInit(hooks) {
  chat.hooks = hooks;
  $('chat-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('chat-input').value.trim();
    if (!text) return;
    $('chat-input').value = '';
    send(text);
  });
  $('chat-input').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      $('chat-form').requestSubmit();
    }
  });
}
