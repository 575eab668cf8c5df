// Drafts kept on the server: list, open, edit, save (with the findings of the saved version), submit (with what
// blocks it and the author's override reasons), history, last year's declaration, the reviewer's queue and decision,
// and the assistant beside the open draft (chat.js). Every node is built with textContent.
'use strict';

const STATUS = { DRAFT: '草稿', SUBMITTED: '待审核', RETURNED: '已退回', APPROVED: '已通过' };
const ACTIONS = { CREATE: '创建', SAVE: '保存', SUBMIT: '提交', APPROVE: '通过', RETURN: '退回', DELETE: '删除' };

const draftState = { me: null, draft: null, rows: [], dirty: false };

function tell(text) {
  $('editor-message').textContent = text;
}

function editable() {
  const d = draftState.draft;
  return draftState.me.role !== 'REVIEWER' && (!d || d.status === 'DRAFT' || d.status === 'RETURNED');
}

function rowLabel(index) {
  const r = draftState.rows[index];
  return `第 ${index + 1} 行` + (r && r.name ? `（${r.name}）` : '');
}

// --- the list and the review queue

async function loadList() {
  const params = new URLSearchParams();
  if ($('filter-status').value) params.set('status', $('filter-status').value);
  if ($('filter-q').value.trim()) params.set('q', $('filter-q').value.trim());
  const { ok, data } = await call('GET', '/api/drafts?' + params);
  if (!ok) return;
  const body = $('draft-list').querySelector('tbody');
  body.replaceChildren();
  for (const s of data) {
    const tr = el('tr', {},
      el('td', { textContent: s.projectName || '（未命名）' }), el('td', { textContent: s.year ?? '' }),
      el('td', { textContent: STATUS[s.status] }),
      el('td', { textContent: s.errors ? `${s.errors} 处必须修改` : (s.warnings ? `${s.warnings} 处建议` : '—') }));
    tr.dataset.id = s.id;
    tr.addEventListener('click', () => openDraft(s.id));
    body.append(tr);
  }
  if (draftState.me.role !== 'STAFF') {
    const queue = await call('GET', '/api/reviews');
    $('queue-box').hidden = false;
    const qb = $('review-queue').querySelector('tbody');
    qb.replaceChildren();
    for (const s of queue.data || []) {
      const tr = el('tr', {}, el('td', { textContent: s.projectName }), el('td', { textContent: s.department }),
        el('td', { textContent: s.createdBy }));
      tr.dataset.id = s.id;
      tr.addEventListener('click', () => openDraft(s.id));
      qb.append(tr);
    }
  }
}

// --- the editor

function declaration() {
  const num = (id) => ($(id).value.trim() === '' ? null : Number($(id).value));
  const text = (id) => ($(id).value.trim() === '' ? null : $(id).value.trim());
  return {
    source: '网页草稿', kind: 'PROJECT', region: text('d-region'), department: $('d-department').value || null,
    year: num('d-year'), projectName: text('d-projectName'), direction: null, fundsWanYuan: num('d-fundsWanYuan'),
    periodFundsWanYuan: null, periodGoal: null, annualGoal: text('d-annualGoal'), overview: text('d-overview'),
    basis: null,
    indicators: draftState.rows.map((r) => ({
      level1: r.level1, level2: r.level2, level1Raw: r.level1, level2Raw: r.level2,
      name: r.name || null, value: r.value || null, scope: 'ANNUAL',
    })),
  };
}

function fill(d) {
  const decl = d ? d.declaration : {};
  const departments = [...(draftState.me.departments || [])].sort();
  if (decl.department && !departments.includes(decl.department)) departments.unshift(decl.department);
  $('d-department').replaceChildren(...departments.map((x) => el('option', { value: x, textContent: x })));
  if (decl.department) $('d-department').value = decl.department;
  for (const f of ['projectName', 'year', 'fundsWanYuan', 'region', 'overview', 'annualGoal']) {
    $('d-' + f).value = decl[f] ?? '';
  }
  draftState.dirty = false;
  draftState.rows = (decl.indicators || []).map((r) => ({
    level1: r.level1 || r.level1Raw || '产出指标', level2: r.level2 || r.level2Raw || '数量指标',
    name: r.name || '', value: r.value || '',
  }));
}

function renderEditor() {
  const d = draftState.draft;
  $('editor').hidden = false;
  $('chat').hidden = false;
  document.querySelector('main.drafts').classList.add('open');
  $('editor-title').textContent = d ? `草稿 #${d.id} · 第 ${d.version} 版` : '新草稿';
  $('draft-status').textContent = d ? STATUS[d.status] : '未保存';
  const canEdit = editable();
  const findings = d ? d.findings : [];
  const overrides = d ? d.overrides : [];
  const comments = d ? d.comments : [];
  const body = $('d-indicators').querySelector('tbody');
  body.replaceChildren();
  draftState.rows.forEach((row, index) => {
    const found = el('td');
    for (const f of findings.filter((x) => x.indicatorIndex === index)) {
      const overridden = overrides.some((o) => o.indicatorIndex === index && o.ruleId === f.ruleId);
      const why = el('a', { href: '#', textContent: '为什么？', className: 'why' });
      why.addEventListener('click', (e) => { e.preventDefault(); explain(index); });
      found.append(el('span', { className: 'finding ' + f.severity + (overridden ? ' overridden' : '') },
        f.message, why));
    }
    const template = isTemplateRow(row);
    if (template) found.append(el('span', { className: 'finding INFO', textContent: TEMPLATE_NOTE }));
    else if (d && !findings.some((x) => x.indicatorIndex === index)) found.append(el('span', { className: 'ok', textContent: '✓ 可衡量' }));
    const remarks = el('td');
    for (const c of comments.filter((x) => x.indicatorIndex === index)) {
      remarks.append(el('span', { className: 'comment', textContent: `${c.text}（${c.author}）` }));
    }
    const name = el('input', { value: row.name, placeholder: '三级指标名称', disabled: !canEdit });
    name.addEventListener('input', () => { row.name = name.value; });
    const value = el('input', { value: row.value, placeholder: '如 ≥95%、2024年6月30日前', disabled: !canEdit });
    value.addEventListener('input', () => { row.value = value.value; });
    const remove = el('button', { type: 'button', className: 'small secondary', textContent: '删除', disabled: !canEdit });
    remove.addEventListener('click', () => { draftState.rows.splice(index, 1); draftState.dirty = true; renderEditor(); });
    const [l1, l2] = categorySelects(row, name, () => {});
    l1.disabled = !canEdit;
    l2.disabled = !canEdit;
    const nameCell = el('td', {}, name);
    if (template) nameCell.prepend(el('span', { className: 'template-badge', textContent: '通用模板' }));
    body.append(el('tr', { className: template ? 'template' : '' }, el('td', {}, l1), el('td', {}, l2), nameCell,
      el('td', {}, value), found, remarks, el('td', {}, remove)));
  });
  const general = $('general-findings');
  general.replaceChildren(...findings.filter((f) => f.indicatorIndex === null || f.indicatorIndex === undefined)
    .map((f) => el('span', { className: 'finding ' + f.severity, textContent: f.message })));
  $('comments').replaceChildren(...comments.filter((c) => c.indicatorIndex === null || c.indicatorIndex === undefined)
    .map((c) => el('span', { className: 'comment', textContent: `审核意见：${c.text}（${c.author}）` })));
  for (const id of ['d-projectName', 'd-department', 'd-year', 'd-fundsWanYuan', 'd-region', 'd-overview',
    'd-annualGoal', 'd-add-row', 'save', 'submit']) $(id).disabled = !canEdit;
  const reviewing = d && d.status === 'SUBMITTED' && draftState.me.role !== 'STAFF';
  $('review').hidden = !reviewing;
  if (reviewing) {
    $('review-row').replaceChildren(el('option', { value: '', textContent: '整份申报' }),
      ...draftState.rows.map((r, i) => el('option', { value: String(i), textContent: rowLabel(i) })));
  }
  $('blocking').hidden = true;
  chatShow(d, canEdit);
}

/** The draft as the server now has it after the user accepted one of the assistant's changes. */
function acceptedByChat(d) {
  draftState.draft = d;
  fill(d);
  renderEditor();
  tell('已接受助手的修改。' + summary(d));
  loadList();
}

function showList() {
  $('editor').hidden = true;
  $('chat').hidden = true;
  document.querySelector('main.drafts').classList.remove('open');
  loadList();
}

async function openDraft(id) {
  const { ok, data } = await call('GET', '/api/drafts/' + id);
  if (!ok) { tell(data.message || '无法打开草稿'); return; }
  draftState.draft = data;
  fill(data);
  renderEditor();
  $('history').replaceChildren();
  $('prior').replaceChildren();
  tell('');
}

function newDraft() {
  draftState.draft = null;
  fill(null);
  draftState.rows = [];
  renderEditor();
  tell('填写后点击“保存”，草稿即保存在服务器上。');
}

function summary(d) {
  const errors = d.findings.filter((f) => f.severity === 'ERROR').length;
  return `已保存第 ${d.version} 版。` + (errors ? `有 ${errors} 处必须修改的问题（提交前须修改或写明理由）。` : '没有必须修改的问题。');
}

async function save() {
  const d = draftState.draft;
  const { ok, status, data } = d
    ? await call('PUT', '/api/drafts/' + d.id, { version: d.version, declaration: declaration() })
    : await call('POST', '/api/drafts', declaration());
  if (status === 409 && data.current) {
    draftState.draft = data.current;
    fill(data.current);
    renderEditor();
    tell(data.message + '。已载入最新版本，你的修改未保存。');
    return;
  }
  if (!ok) { tell(data.message || '保存失败'); return; }
  draftState.draft = data;
  fill(data);
  renderEditor();
  tell(summary(data));
  loadList();
}

async function submit(overrides) {
  const d = draftState.draft;
  if (!d) { tell('请先保存草稿。'); return; }
  const { ok, status, data } = await call('POST', `/api/drafts/${d.id}/submit`, { overrides });
  if (status === 422) { showBlocking(data); return; }
  if (!ok) { tell(data.message || '提交失败'); return; }
  draftState.draft = data;
  renderEditor();
  const unused = (data.unusedOverrides || []).map((o) => `${o.ruleId}${o.indicatorIndex === null ? '' : '（' + rowLabel(o.indicatorIndex) + '）'}`);
  tell('已提交审核。' + (unused.length ? `以下保留理由已不再需要：${unused.join('、')}` : ''));
  loadList();
}

function showBlocking(data) {
  const box = $('blocking');
  box.hidden = false;
  const list = el('ol');
  for (const f of data.blocking) {
    const where = f.indicatorIndex === null || f.indicatorIndex === undefined ? '整份申报' : rowLabel(f.indicatorIndex);
    const reason = el('textarea', { rows: 2, placeholder: '如确需保留，请写明理由', className: 'override-reason' });
    reason.dataset.rule = f.ruleId;
    reason.dataset.index = f.indicatorIndex ?? '';
    list.append(el('li', { className: 'blocking-item' }, el('strong', { textContent: where + '：' }), f.message, reason));
  }
  const again = el('button', { type: 'button', id: 'submit-with-overrides', textContent: '写明理由后提交' });
  again.addEventListener('click', () => {
    const overrides = [...box.querySelectorAll('.override-reason')].filter((t) => t.value.trim())
      .map((t) => ({ indicatorIndex: t.dataset.index === '' ? null : Number(t.dataset.index), ruleId: t.dataset.rule, reason: t.value.trim() }));
    submit(overrides);
  });
  box.replaceChildren(el('p', { id: 'blocking-summary', textContent: '不能提交：' + data.message }), list, again);
  tell('不能提交，见下方列出的问题。');
}

async function explain(index) {
  const d = draftState.draft;
  const { ok, data } = await call('GET', `/api/drafts/${d.id}/why/${index}`);
  if (!ok) { tell(data.message || '无法取得说明'); return; }
  const content = $('why-content');
  content.replaceChildren();
  $('why-heading').textContent = `${rowLabel(index)}为什么被标出？`;
  for (const f of data.findings) {
    const basis = el('ul', {}, ...(f.basis || []).map((b) => el('li', { textContent: b })));
    content.append(el('h4', { textContent: `${f.ruleId}（${f.severity}）` }), el('p', { textContent: f.message }),
      el('p', { textContent: '原因：' + (f.why || '') }), el('p', { textContent: '改法：' + (f.fix || '') }),
      el('p', { textContent: '依据：' }), basis);
    if (f.override) content.append(el('p', { textContent: `保留理由（${f.override.author}）：${f.override.reason}` }));
  }
  const examples = el('ul', { id: 'why-examples' });
  for (const e of data.examples) {
    examples.append(el('li', { textContent: `${e.name}：${e.value}（${e.projectName}，${e.department || ''} ${e.year || ''}，来源：${e.source}）` }));
  }
  content.append(el('h4', { textContent: '相似项目中的合格写法' }),
    data.examples.length ? examples : el('p', { textContent: '没有找到同类的合格指标。' }));
  $('why-dialog').showModal();
}

async function review(decision) {
  const d = draftState.draft;
  const text = $('review-comment').value.trim();
  const row = $('review-row').value;
  const comments = text ? [{ indicatorIndex: row === '' ? null : Number(row), text }] : [];
  const { ok, data } = await call('POST', `/api/drafts/${d.id}/review`, { decision, comments });
  if (!ok) { tell(data.message || '审核失败'); return; }
  draftState.draft = data;
  $('review-comment').value = '';
  renderEditor();
  tell(decision === 'APPROVE' ? '已通过，申报已进入资料库。' : '已退回，经办人会看到你的意见。');
  loadList();
}

async function history() {
  const d = draftState.draft;
  if (!d) return;
  const { ok, data } = await call('GET', `/api/drafts/${d.id}/history`);
  if (!ok) return;
  $('history').replaceChildren(el('h3', { textContent: '历史' }), el('ol', {}, ...data.map((e) => el('li', {
    textContent: `${new Date(e.at).toLocaleString('zh-CN')} ${e.actor} ${ACTIONS[e.action] || e.action}` +
      (e.versionAfter ? `（第 ${e.versionAfter} 版）` : ''),
  }))));
}

async function prior() {
  const d = draftState.draft;
  if (!d) return;
  const { ok, data } = await call('GET', `/api/drafts/${d.id}/prior`);
  if (!ok) return;
  if (!data.found) { $('prior').replaceChildren(el('p', { className: 'hint', textContent: data.message })); return; }
  const p = data.declaration;
  $('prior').replaceChildren(el('h3', { textContent: `上年申报：${p.projectName}（${p.year}，来源：${data.source}）` }),
    el('table', {}, el('tbody', {}, ...p.indicators.map((r, i) => el('tr', {},
      el('td', { textContent: r.level2 || r.level2Raw || '' }), el('td', { textContent: r.name || '' }),
      el('td', { textContent: r.value || '' }),
      el('td', { textContent: draftState.rows[i] ? `本年：${draftState.rows[i].value}` : '' }))))));
}

async function importForm(file) {
  const form = new FormData();
  form.append('file', file);
  const response = await fetch('/api/drafts/import', { method: 'POST', body: form });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) { tell(data.message || '导入失败'); return; }
  await loadList();
  if (data.length) openDraft(data[0].id);
}

(async () => {
  const response = await fetch('/api/me');
  if (!response.ok) return;
  draftState.me = await response.json();
  $('new-draft').addEventListener('click', newDraft);
  $('new-draft').hidden = draftState.me.role === 'REVIEWER';
  $('d-add-row').addEventListener('click', () => {
    draftState.rows.push(newRow());
    draftState.dirty = true;
    renderEditor();
  });
  $('save').addEventListener('click', save);
  $('back-to-list').addEventListener('click', showList);
  // Typing in the draft (not in the review or the override reasons) makes the table differ from the saved version.
  $('editor').addEventListener('input', (e) => { if (!e.target.closest('#review, #blocking')) draftState.dirty = true; });
  chatInit({ accepted: acceptedByChat, isDirty: () => draftState.dirty, templatesKnown: renderEditor });
  $('submit').addEventListener('click', () => submit([]));
  $('show-history').addEventListener('click', history);
  $('show-prior').addEventListener('click', prior);
  $('approve').addEventListener('click', () => review('APPROVE'));
  $('return').addEventListener('click', () => review('RETURN'));
  $('filter-status').addEventListener('change', loadList);
  $('filter-q').addEventListener('input', loadList);
  $('draft-import').addEventListener('change', (e) => { if (e.target.files[0]) importForm(e.target.files[0]); });
  await loadList();
  // The drafting panel sends a staff member here after creating a draft from an old form.
  const opened = Number(window.location.hash.slice(1));
  if (Number.isInteger(opened) && opened > 0) openDraft(opened);
})();
