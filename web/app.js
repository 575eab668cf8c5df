// The drafting panel: the main actions and the summary of what blocks the declaration in a bar that stays in view,
// project facts on the left, the indicator table in the middle, the assistant on the right. Everything the user types
// is kept in localStorage so that a reload or a failed request loses nothing.
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
    const template = row.origin === 'TEMPLATE';
    if (template) findings.append(el('span', { className: 'finding INFO', textContent: TEMPLATE_NOTE }));
    else if (row.checked && !(row.findings || []).length) findings.append(el('span', { className: 'ok', textContent: '✓ 可衡量' }));
    const name = el('input', { value: row.name || '', placeholder: '三级指标名称' });
    name.addEventListener('input', () => { row.name = name.value; row.checked = false; save(); });
    const value = el('input', { value: row.value || '', placeholder: '如 ≥95%、102300人' });
    value.addEventListener('input', () => { row.value = value.value; row.checked = false; save(); });
    const remove = el('button', { type: 'button', className: 'small secondary', textContent: '删除' });
    remove.addEventListener('click', () => { state.rows.splice(index, 1); save(); renderRows(); });
    if (row.rationale) value.title = row.rationale;
    const [level1, level2] = categorySelects(row, name, save);
    const nameCell = el('td', {}, name);
    if (template) nameCell.prepend(el('span', { className: 'template-badge', textContent: '通用模板' }));
    body.append(el('tr', { className: template ? 'template' : '' },
      el('td', {}, level1), el('td', {}, level2), nameCell, el('td', {}, value), findings, el('td', {}, remove)));
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
  $('check-summary').textContent = checkSummary(findings);
  for (const f of general) say(f.message, 'notice');
  save();
  renderRows();
}

/** What blocks the declaration, by row, and the template rows that no check can vouch for. */
function checkSummary(findings) {
  const errors = findings.filter((f) => f.severity === 'ERROR');
  const rows = [...new Set(errors.filter((f) => f.indicatorIndex !== null && f.indicatorIndex !== undefined)
    .map((f) => f.indicatorIndex))].sort((a, b) => a - b);
  const templates = state.rows.filter((r) => r.origin === 'TEMPLATE').length;
  return (errors.length ? `有 ${errors.length} 处必须修改的问题` + (rows.length ? `（第 ${rows.map((i) => i + 1).join('、')} 行）` : '')
    : '没有必须修改的问题') + (templates ? `；${templates} 行是通用模板，请按项目实际修改` : '');
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
  const message = say('相似的历史项目（相似度越接近 1 越相似；点击项目名查看原申报）：');
  const ul = el('ul', { className: 'similar' });
  for (const h of result.hits) {
    const link = el('a', { href: 'project.html?id=' + encodeURIComponent(h.declarationId), target: '_blank',
      rel: 'noopener', textContent: `《${h.projectName}》` });
    const meta = [h.region, h.year, h.fundsWanYuan === null || h.fundsWanYuan === undefined ? null : `${h.fundsWanYuan} 万元`]
      .filter((x) => x !== null && x !== undefined && x !== '').join(' ');
    ul.append(el('li', {}, link, meta ? `（${meta}）` : '',
      el('span', { className: 'score', textContent: `相似度 ${h.similarity.toFixed(2)} · 综合得分 ${h.score.toFixed(3)}` }),
      el('span', { className: 'matched', textContent: '匹配：' + matchedTerms(h.matchedTerms) })));
  }
  message.append(ul);
}

/** Where a matched term was found, in the form's own words. */
const FIELD_NAMES = { projectName: '项目名称', goals: '概况与目标', indicators: '指标', department: '部门', region: '地区' };

/** How many matched terms a hit shows: the longest words say the most; the rest are counted. */
const SHOWN_TERMS = 5;

// Character pairs alone are recall, not evidence a reader can weigh.
const isWordField = (field) => field !== 'bigram' && field !== 'rowBigram';

function matchedTerms(terms) {
  const words = terms.map((t) => ({ term: t.term, fields: t.fields.filter(isWordField) }))
    .filter((t) => t.fields.length).sort((a, b) => b.term.length - a.term.length);
  if (!words.length) return terms.length ? '只有字面相近的片段' : '只按语义相近（无相同词语）';
  const shown = words.slice(0, SHOWN_TERMS)
    .map((t) => `${t.term}（${[...new Set(t.fields.map((f) => FIELD_NAMES[f] || f))].join('、')}）`);
  return shown.join('、') + (words.length > SHOWN_TERMS ? ` 等 ${words.length} 个词` : '');
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
  const added = [];
  await readEvents(response, (event, payload) => handleEvent(event, payload, added));
  if (added.length) say(suggestSummary(added));
}

/** What the added rows are: passed the check, need a number, or only a generic template the check cannot vouch for. */
function suggestSummary(added) {
  const templates = added.filter((r) => r.origin === 'TEMPLATE').length;
  const toFill = added.filter((r) => r.origin !== 'TEMPLATE' && (r.findings || []).some((f) => f.severity === 'ERROR')).length;
  const passed = added.length - templates - toFill;
  const parts = [`已加入 ${added.length} 条建议指标`];
  if (passed) parts.push(`${passed} 条已通过规则检查`);
  if (toFill) parts.push(`${toFill} 条需要补充项目申报内容未给出的数字`);
  if (templates) parts.push(`${templates} 条来自通用模板（表中标为“通用模板”），只是格式合规，未经本项目核实，请按项目实际修改`);
  return parts.join('；') + '。鼠标停在指标值上可看来源和理由。';
}

function handleEvent(event, payload, added) {
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

/** Staff create a server-side draft from an old form; only administrators add forms to the library. */
async function importAsDraft(file) {
  const form = new FormData();
  form.append('file', file);
  const response = await fetch('/api/drafts/import', { method: 'POST', body: form });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.message || ('导入失败（' + response.status + '）'));
  if (!data.length) throw new Error(`“${file.name}”中没有识别出申报表`);
  window.location.assign('drafts.html#' + data[0].id);
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

async function importMode() {
  const response = await fetch('/api/me');
  if (!response.ok) return;
  const me = await response.json();
  state.admin = me.role === 'ADMIN';
  if (!state.admin) $('import-label').textContent = '从旧申报表创建草稿（.txt / .docx / .xlsx）';
}

restore();
renderRows();
status();
importMode();
for (const f of FIELDS) $(f).addEventListener('input', save);
$('add-row').addEventListener('click', () => {
  state.rows.push(newRow());
  save();
  renderRows();
});
$('check').addEventListener('click', (e) => busy(e.target, check));
$('suggest').addEventListener('click', (e) => busy(e.target, suggest));
$('similar').addEventListener('click', (e) => busy(e.target, similar));
$('import-file').addEventListener('change', (e) => {
  const file = e.target.files[0];
  if (file) busy(e.target, () => (state.admin ? importFile(file) : importAsDraft(file)));
});
