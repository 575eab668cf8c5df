// The drafting panel: project facts on the left, the indicator table in the middle, the assistant on the right.
// Everything the user types is kept in localStorage so that a reload or a failed request loses nothing.
'use strict';

const DRAFT_KEY = 'zhibiao.draft.v1';
const FIELDS = ['projectName', 'department', 'region', 'year', 'fundsWanYuan', 'overview', 'annualGoal'];

const state = { rows: [] };

function say(text, kind = '') {
  const message = el('div', { className: 'message ' + kind, textContent: text });
  $('messages').append(message);
  message.scrollIntoView({ block: 'end' });
  return message;
}

function project() {
  const p = {};
  for (const f of FIELDS) {
    const v = $(f).value.trim();
    p[f] = v === '' ? null : (f === 'year' || f === 'fundsWanYuan' ? Number(v) : v);
  }
  return p;
}

function declaration() {
  const p = project();
  return {
    source: '网页草稿', kind: 'PROJECT', region: p.region, department: p.department, year: p.year,
    projectName: p.projectName, direction: null, fundsWanYuan: p.fundsWanYuan, periodFundsWanYuan: null,
    periodGoal: null, annualGoal: p.annualGoal, overview: p.overview, basis: null,
    indicators: state.rows.map((r) => ({
      level1: r.level1, level2: r.level2, level1Raw: r.level1, level2Raw: r.level2,
      name: r.name || null, value: r.value || null, scope: 'ANNUAL',
    })),
  };
}

function save() {
  localStorage.setItem(DRAFT_KEY, JSON.stringify({ project: project(), rows: state.rows }));
}

function restore() {
  const saved = JSON.parse(localStorage.getItem(DRAFT_KEY) || 'null');
  if (!saved) return;
  for (const f of FIELDS) $(f).value = saved.project[f] ?? '';
  state.rows = saved.rows || [];
}

function select(options, value, onChange) {
  const s = el('select');
  for (const o of options) s.append(el('option', { value: o, textContent: o, selected: o === value }));
  s.addEventListener('change', () => onChange(s.value));
  return s;
}

function renderRows() {
  const body = $('indicators').querySelector('tbody');
  body.replaceChildren();
  state.rows.forEach((row, index) => {
    const findings = el('td');
    for (const f of row.findings || []) {
      const why = el('a', { href: '#', textContent: '为什么？' });
      why.addEventListener('click', (e) => { e.preventDefault(); explain(f.ruleId); });
      findings.append(el('span', { className: 'finding ' + f.severity }, f.message, why));
    }
    if (row.origin === 'TEMPLATE') findings.append(el('span', { className: 'finding INFO', textContent: '通用模板，请按项目实际修改' }));
    else if (row.checked && !(row.findings || []).length) findings.append(el('span', { className: 'ok', textContent: '✓ 可衡量' }));
    const name = el('input', { value: row.name || '', placeholder: '三级指标名称' });
    name.addEventListener('input', () => { row.name = name.value; row.checked = false; save(); });
    const value = el('input', { value: row.value || '', placeholder: '如 ≥95%、102300人' });
    value.addEventListener('input', () => { row.value = value.value; row.checked = false; save(); });
    const remove = el('button', { type: 'button', className: 'small secondary', textContent: '删除' });
    remove.addEventListener('click', () => { state.rows.splice(index, 1); save(); renderRows(); });
    if (row.rationale) value.title = row.rationale;
    body.append(el('tr', {},
      el('td', {}, select(LEVEL1, row.level1, (v) => { row.level1 = v; save(); })),
      el('td', {}, select(LEVEL2, row.level2, (v) => { row.level2 = v; save(); })),
      el('td', {}, name), el('td', {}, value), findings, el('td', {}, remove)));
  });
}

async function api(path, body) {
  const response = await fetch(path, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.message || ('请求失败（' + response.status + '）'));
  return data;
}

async function busy(button, work) {
  button.disabled = true;
  try { await work(); } catch (e) { say(e.message, 'error'); } finally { button.disabled = false; }
}

async function check() {
  if (!state.rows.length) { say('指标表是空的：先添加指标或点击“建议指标”。', 'notice'); return; }
  const findings = await api('/api/check', declaration());
  state.rows.forEach((r) => { r.findings = []; r.checked = true; });
  const general = [];
  for (const f of findings) {
    if (f.indicatorIndex === null || f.indicatorIndex === undefined) general.push(f);
    else if (state.rows[f.indicatorIndex]) state.rows[f.indicatorIndex].findings.push(f);
  }
  const errors = findings.filter((f) => f.severity === 'ERROR').length;
  $('check-summary').textContent = errors ? `有 ${errors} 处必须修改的问题` : '没有必须修改的问题';
  for (const f of general) say(f.message, 'notice');
  save();
  renderRows();
}

/** How a reviewer names the severities: ERROR must be fixed, WARNING should be, INFO is a presentation hint. */
const SEVERITY_NAMES = { ERROR: '必须修改', WARNING: '建议修改', INFO: '提示' };

async function explain(ruleId) {
  const response = await fetch('/api/rules/' + encodeURIComponent(ruleId));
  const rule = await response.json();
  if (!response.ok) { say(rule.message || '找不到规则说明', 'error'); return; }
  $('why-title').textContent = `${rule.title || rule.id}（${SEVERITY_NAMES[rule.severity] || rule.severity}）`;
  const body = $('why-body');
  body.replaceChildren(
    el('p', { textContent: '原因：' + (rule.why || '') }),
    el('p', { textContent: '改法：' + (rule.fix || '') }),
    el('h4', { textContent: '依据' }),
    el('ul', {}, ...(rule.basis || []).map((b) => el('li', { textContent: b }))));
  for (const [title, list] of [['合格的写法', rule.goodExamples || []], ['会被退回的写法', rule.badExamples || []]]) {
    const ul = el('ul');
    for (const example of list) {
      for (const x of example.indicators) {
        ul.append(el('li', { textContent: [x.level2, x.name, x.value].filter(Boolean).join(' ｜ ') }));
      }
    }
    body.append(el('h4', { textContent: title }), ul);
  }
  $('why').showModal();
}

async function similar() {
  const p = project();
  if (!p.projectName && !p.overview) { say('请先填写项目名称或项目概况。', 'notice'); return; }
  const result = await api('/api/similar', { ...p, k: 5 });
  if (result.belowThreshold || !result.hits.length) { say('没有找到足够相似的历史项目。', 'notice'); return; }
  const message = say('相似的历史项目：');
  const ul = el('ul');
  for (const h of result.hits) {
    ul.append(el('li', { textContent: `${h.projectName}（${h.region || ''} ${h.year || ''}，${h.fundsWanYuan ?? '—'} 万元）` }));
  }
  message.append(ul);
}

async function suggest() {
  const p = project();
  if (!p.projectName) { say('请先填写项目名称。', 'notice'); $('projectName').focus(); return; }
  say(`正在为“${p.projectName}”建议指标…`);
  const response = await fetch('/api/suggest/stream', {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify(p),
  });
  if (!response.ok) {
    const data = await response.json().catch(() => ({}));
    throw new Error(data.message || ('建议失败（' + response.status + '）'));
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const added = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      handleEvent(buffer.slice(0, cut), added);
      buffer = buffer.slice(cut + 2);
    }
  }
  if (added.length) say(`已加入 ${added.length} 条建议指标，每条都已通过规则检查；鼠标停在指标值上可看来源和理由。`);
}

function handleEvent(block, added) {
  let event = 'message';
  let data = '';
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data += line.slice(5).trim();
  }
  if (!data) return;
  const payload = JSON.parse(data);
  if (event === 'row') {
    const row = { ...payload, checked: true };
    state.rows.push(row);
    added.push(row);
    save();
    renderRows();
  } else if (event === 'notice') {
    say(payload.message || payload, 'notice');
  } else if (event === 'error') {
    say(payload.message || '建议失败', 'error');
  } else if (event === 'done' && (payload.questions || []).length) {
    say('项目申报内容未给出的数字，请补充：' + payload.questions.join(' '), 'notice');
  }
}

async function importFile(file) {
  const form = new FormData();
  form.append('file', file);
  const response = await fetch('/api/import', { method: 'POST', body: form });
  const data = await response.json();
  if (!response.ok) throw new Error(data.message);
  $('import-result').textContent = `识别出 ${data.declarations.length} 份申报，已保存到资料库` +
    (data.warnings.length ? `；${data.warnings.length} 条警告` : '');
  say(`已导入“${file.name}”：` + data.declarations.map((d) => d.projectName).join('、'));
}

async function status() {
  try {
    const s = await (await fetch('/api/status')).json();
    $('llm-status').textContent = s.llm && s.llm.configured ? `大模型：${s.llm.model}` : '未配置大模型（离线建议）';
  } catch (e) {
    $('llm-status').textContent = '状态未知';
  }
}

restore();
renderRows();
status();
for (const f of FIELDS) $(f).addEventListener('input', save);
$('add-row').addEventListener('click', () => {
  state.rows.push({ level1: '产出指标', level2: '数量指标', name: '', value: '' });
  save();
  renderRows();
});
$('check').addEventListener('click', (e) => busy(e.target, check));
$('suggest').addEventListener('click', (e) => busy(e.target, suggest));
$('similar').addEventListener('click', (e) => busy(e.target, similar));
$('import-file').addEventListener('change', (e) => {
  const file = e.target.files[0];
  if (file) busy(e.target, () => importFile(file));
});
