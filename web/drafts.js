// Drafts kept on the server: list, open, edit, save (with the findings of the saved version), submit (with what
// blocks it and the author's override reasons), history, last year's declaration, and the reviewer's queue and
// decision. Every node is built with textContent.
'use strict';

const D_LEVEL1 = ['产出指标', '效益指标', '满意度指标', '成本指标'];
const D_LEVEL2 = ['数量指标', '质量指标', '时效指标', '成本指标', '经济效益指标', '社会效益指标', '生态效益指标',
  '可持续影响指标', '服务对象满意度指标', '经济成本指标', '社会成本指标', '生态环境成本指标'];
const STATUS = { DRAFT: '草稿', SUBMITTED: '待审核', RETURNED: '已退回', APPROVED: '已通过' };
const ACTIONS = { CREATE: '创建', SAVE: '保存', SUBMIT: '提交', APPROVE: '通过', RETURN: '退回', DELETE: '删除' };

const q = (id) => document.getElementById(id);
const draftState = { me: null, draft: null, rows: [] };

function node(tag, props = {}, ...children) {
  const n = document.createElement(tag);
  Object.assign(n, props);
  for (const c of children) n.append(c);
  return n;
}

async function call(method, path, body) {
  const init = { method };
  if (body !== undefined) {
    init.headers = { 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const data = response.status === 204 ? {} : await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, data };
}

function tell(text) {
  q('editor-message').textContent = text;
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
  if (q('filter-status').value) params.set('status', q('filter-status').value);
  if (q('filter-q').value.trim()) params.set('q', q('filter-q').value.trim());
  const { ok, data } = await call('GET', '/api/drafts?' + params);
  if (!ok) return;
  const body = q('draft-list').querySelector('tbody');
  body.replaceChildren();
  for (const s of data) {
    const tr = node('tr', {},
      node('td', { textContent: s.projectName || '（未命名）' }), node('td', { textContent: s.year ?? '' }),
      node('td', { textContent: STATUS[s.status] }),
      node('td', { textContent: s.errors ? `${s.errors} 处必须修改` : (s.warnings ? `${s.warnings} 处建议` : '—') }));
    tr.dataset.id = s.id;
    tr.addEventListener('click', () => openDraft(s.id));
    body.append(tr);
  }
  if (draftState.me.role !== 'STAFF') {
    const queue = await call('GET', '/api/reviews');
    q('queue-box').hidden = false;
    const qb = q('review-queue').querySelector('tbody');
    qb.replaceChildren();
    for (const s of queue.data || []) {
      const tr = node('tr', {}, node('td', { textContent: s.projectName }), node('td', { textContent: s.department }),
        node('td', { textContent: s.createdBy }));
      tr.dataset.id = s.id;
      tr.addEventListener('click', () => openDraft(s.id));
      qb.append(tr);
    }
  }
}

// --- the editor

function declaration() {
  const num = (id) => (q(id).value.trim() === '' ? null : Number(q(id).value));
  const text = (id) => (q(id).value.trim() === '' ? null : q(id).value.trim());
  return {
    source: '网页草稿', kind: 'PROJECT', region: text('d-region'), department: q('d-department').value || null,
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
  q('d-department').replaceChildren(...departments.map((x) => node('option', { value: x, textContent: x })));
  if (decl.department) q('d-department').value = decl.department;
  for (const f of ['projectName', 'year', 'fundsWanYuan', 'region', 'overview', 'annualGoal']) {
    q('d-' + f).value = decl[f] ?? '';
  }
  draftState.rows = (decl.indicators || []).map((r) => ({
    level1: r.level1 || r.level1Raw || '产出指标', level2: r.level2 || r.level2Raw || '数量指标',
    name: r.name || '', value: r.value || '',
  }));
}

function choose(options, value, onChange) {
  const s = node('select');
  for (const o of options) s.append(node('option', { value: o, textContent: o, selected: o === value }));
  s.addEventListener('change', () => onChange(s.value));
  return s;
}

function renderEditor() {
  const d = draftState.draft;
  q('editor').hidden = false;
  q('editor-title').textContent = d ? `草稿 #${d.id} · 第 ${d.version} 版` : '新草稿';
  q('draft-status').textContent = d ? STATUS[d.status] : '未保存';
  const canEdit = editable();
  const findings = d ? d.findings : [];
  const overrides = d ? d.overrides : [];
  const comments = d ? d.comments : [];
  const body = q('d-indicators').querySelector('tbody');
  body.replaceChildren();
  draftState.rows.forEach((row, index) => {
    const found = node('td');
    for (const f of findings.filter((x) => x.indicatorIndex === index)) {
      const overridden = overrides.some((o) => o.indicatorIndex === index && o.ruleId === f.ruleId);
      const why = node('a', { href: '#', textContent: '为什么？', className: 'why' });
      why.addEventListener('click', (e) => { e.preventDefault(); explain(index); });
      found.append(node('span', { className: 'finding ' + f.severity + (overridden ? ' overridden' : '') },
        f.message, why));
    }
    if (d && !findings.some((x) => x.indicatorIndex === index)) found.append(node('span', { className: 'ok', textContent: '✓ 可衡量' }));
    const remarks = node('td');
    for (const c of comments.filter((x) => x.indicatorIndex === index)) {
      remarks.append(node('span', { className: 'comment', textContent: `${c.text}（${c.author}）` }));
    }
    const name = node('input', { value: row.name, placeholder: '三级指标名称', disabled: !canEdit });
    name.addEventListener('input', () => { row.name = name.value; });
    const value = node('input', { value: row.value, placeholder: '如 ≥95%、2024年6月30日前', disabled: !canEdit });
    value.addEventListener('input', () => { row.value = value.value; });
    const remove = node('button', { type: 'button', className: 'small secondary', textContent: '删除', disabled: !canEdit });
    remove.addEventListener('click', () => { draftState.rows.splice(index, 1); renderEditor(); });
    const l1 = choose(D_LEVEL1, row.level1, (v) => { row.level1 = v; });
    const l2 = choose(D_LEVEL2, row.level2, (v) => { row.level2 = v; });
    l1.disabled = !canEdit;
    l2.disabled = !canEdit;
    body.append(node('tr', {}, node('td', {}, l1), node('td', {}, l2), node('td', {}, name), node('td', {}, value),
      found, remarks, node('td', {}, remove)));
  });
  const general = q('general-findings');
  general.replaceChildren(...findings.filter((f) => f.indicatorIndex === null || f.indicatorIndex === undefined)
    .map((f) => node('span', { className: 'finding ' + f.severity, textContent: f.message })));
  q('comments').replaceChildren(...comments.filter((c) => c.indicatorIndex === null || c.indicatorIndex === undefined)
    .map((c) => node('span', { className: 'comment', textContent: `审核意见：${c.text}（${c.author}）` })));
  for (const id of ['d-projectName', 'd-department', 'd-year', 'd-fundsWanYuan', 'd-region', 'd-overview',
    'd-annualGoal', 'd-add-row', 'save', 'submit']) q(id).disabled = !canEdit;
  const reviewing = d && d.status === 'SUBMITTED' && draftState.me.role !== 'STAFF';
  q('review').hidden = !reviewing;
  if (reviewing) {
    q('review-row').replaceChildren(node('option', { value: '', textContent: '整份申报' }),
      ...draftState.rows.map((r, i) => node('option', { value: String(i), textContent: rowLabel(i) })));
  }
  q('blocking').hidden = true;
}

async function openDraft(id) {
  const { ok, data } = await call('GET', '/api/drafts/' + id);
  if (!ok) { tell(data.message || '无法打开草稿'); return; }
  draftState.draft = data;
  fill(data);
  renderEditor();
  q('history').replaceChildren();
  q('prior').replaceChildren();
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
  const box = q('blocking');
  box.hidden = false;
  const list = node('ol');
  for (const f of data.blocking) {
    const where = f.indicatorIndex === null || f.indicatorIndex === undefined ? '整份申报' : rowLabel(f.indicatorIndex);
    const reason = node('textarea', { rows: 2, placeholder: '如确需保留，请写明理由', className: 'override-reason' });
    reason.dataset.rule = f.ruleId;
    reason.dataset.index = f.indicatorIndex ?? '';
    list.append(node('li', { className: 'blocking-item' }, node('strong', { textContent: where + '：' }), f.message, reason));
  }
  const again = node('button', { type: 'button', id: 'submit-with-overrides', textContent: '写明理由后提交' });
  again.addEventListener('click', () => {
    const overrides = [...box.querySelectorAll('.override-reason')].filter((t) => t.value.trim())
      .map((t) => ({ indicatorIndex: t.dataset.index === '' ? null : Number(t.dataset.index), ruleId: t.dataset.rule, reason: t.value.trim() }));
    submit(overrides);
  });
  box.replaceChildren(node('p', { textContent: '不能提交：' + data.message }), list, again);
  tell('不能提交，见下方列出的问题。');
}

async function explain(index) {
  const d = draftState.draft;
  const { ok, data } = await call('GET', `/api/drafts/${d.id}/why/${index}`);
  if (!ok) { tell(data.message || '无法取得说明'); return; }
  const content = q('why-content');
  content.replaceChildren();
  q('why-heading').textContent = `${rowLabel(index)}为什么被标出？`;
  for (const f of data.findings) {
    const basis = node('ul', {}, ...(f.basis || []).map((b) => node('li', { textContent: b })));
    content.append(node('h4', { textContent: `${f.ruleId}（${f.severity}）` }), node('p', { textContent: f.message }),
      node('p', { textContent: '原因：' + (f.why || '') }), node('p', { textContent: '改法：' + (f.fix || '') }),
      node('p', { textContent: '依据：' }), basis);
    if (f.override) content.append(node('p', { textContent: `保留理由（${f.override.author}）：${f.override.reason}` }));
  }
  const examples = node('ul', { id: 'why-examples' });
  for (const e of data.examples) {
    examples.append(node('li', { textContent: `${e.name}：${e.value}（${e.projectName}，${e.department || ''} ${e.year || ''}，来源：${e.source}）` }));
  }
  content.append(node('h4', { textContent: '相似项目中的合格写法' }),
    data.examples.length ? examples : node('p', { textContent: '没有找到同类的合格指标。' }));
  q('why-dialog').showModal();
}

async function review(decision) {
  const d = draftState.draft;
  const text = q('review-comment').value.trim();
  const row = q('review-row').value;
  const comments = text ? [{ indicatorIndex: row === '' ? null : Number(row), text }] : [];
  const { ok, data } = await call('POST', `/api/drafts/${d.id}/review`, { decision, comments });
  if (!ok) { tell(data.message || '审核失败'); return; }
  draftState.draft = data;
  q('review-comment').value = '';
  renderEditor();
  tell(decision === 'APPROVE' ? '已通过，申报已进入资料库。' : '已退回，经办人会看到你的意见。');
  loadList();
}

async function history() {
  const d = draftState.draft;
  if (!d) return;
  const { ok, data } = await call('GET', `/api/drafts/${d.id}/history`);
  if (!ok) return;
  q('history').replaceChildren(node('h3', { textContent: '历史' }), node('ol', {}, ...data.map((e) => node('li', {
    textContent: `${new Date(e.at).toLocaleString('zh-CN')} ${e.actor} ${ACTIONS[e.action] || e.action}` +
      (e.versionAfter ? `（第 ${e.versionAfter} 版）` : ''),
  }))));
}

async function prior() {
  const d = draftState.draft;
  if (!d) return;
  const { ok, data } = await call('GET', `/api/drafts/${d.id}/prior`);
  if (!ok) return;
  if (!data.found) { q('prior').replaceChildren(node('p', { className: 'hint', textContent: data.message })); return; }
  const p = data.declaration;
  q('prior').replaceChildren(node('h3', { textContent: `上年申报：${p.projectName}（${p.year}，来源：${data.source}）` }),
    node('table', {}, node('tbody', {}, ...p.indicators.map((r, i) => node('tr', {},
      node('td', { textContent: r.level2 || r.level2Raw || '' }), node('td', { textContent: r.name || '' }),
      node('td', { textContent: r.value || '' }),
      node('td', { textContent: draftState.rows[i] ? `本年：${draftState.rows[i].value}` : '' }))))));
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
  q('new-draft').hidden = draftState.me.role === 'REVIEWER';
  q('new-draft').addEventListener('click', newDraft);
  q('d-add-row').addEventListener('click', () => {
    draftState.rows.push({ level1: '产出指标', level2: '数量指标', name: '', value: '' });
    renderEditor();
  });
  q('save').addEventListener('click', save);
  q('submit').addEventListener('click', () => submit([]));
  q('show-history').addEventListener('click', history);
  q('show-prior').addEventListener('click', prior);
  q('approve').addEventListener('click', () => review('APPROVE'));
  q('return').addEventListener('click', () => review('RETURN'));
  q('filter-status').addEventListener('change', loadList);
  q('filter-q').addEventListener('input', loadList);
  q('draft-import').addEventListener('change', (e) => { if (e.target.files[0]) importForm(e.target.files[0]); });
  loadList();
})();
