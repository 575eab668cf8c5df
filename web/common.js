// What every signed-in page shares: the category lists of the indicator table, how a row's category is guessed from
// its name, the category selects, a reader of server-sent events, and two DOM helpers. Every node is built with textContent, never from HTML. Loaded
// before the page's own script.
'use strict';

const LEVEL1 = ['产出指标', '效益指标', '满意度指标', '成本指标'];
const LEVEL2 = ['数量指标', '质量指标', '时效指标', '成本指标', '经济效益指标', '社会效益指标', '生态效益指标',
  '可持续影响指标', '服务对象满意度指标', '经济成本指标', '社会成本指标', '生态环境成本指标'];

/**
 * Words in a row's name that make its category obvious, most specific first: the first entry with a word in the name
 * decides ("满意度及时反馈率" is a satisfaction row, "补助资金拨付及时率" a timeliness row).
 */
const CATEGORY_CUES = [
  { words: ['满意'], level1: '满意度指标', level2: '服务对象满意度指标' },
  { words: ['及时', '时限', '完成时间', '时间', '期限', '截止', '进度'], level1: '产出指标', level2: '时效指标' },
  { words: ['成本', '费用', '单价', '元'], level1: '成本指标', level2: '经济成本指标' },
  { words: ['合格率', '达标率', '准确率', '合格', '达标', '质量'], level1: '产出指标', level2: '质量指标' },
  { words: ['可持续', '长效', '持续'], level1: '效益指标', level2: '可持续影响指标' },
  { words: ['生态', '环境', '绿化', '排放', '污染'], level1: '效益指标', level2: '生态效益指标' },
  { words: ['增收', '收入', '产值', '经济效益'], level1: '效益指标', level2: '经济效益指标' },
  { words: ['知晓率', '受益', '社会效益'], level1: '效益指标', level2: '社会效益指标' },
  { words: ['人数', '人次', '户数', '个数', '次数', '数量', '面积'], level1: '产出指标', level2: '数量指标' },
];

/** The category a row name makes obvious, or null when none does. */
function inferCategory(name) {
  const text = (name || '').trim();
  return CATEGORY_CUES.find((cue) => cue.words.some((w) => text.includes(w))) || null;
}

const $ = (id) => document.getElementById(id);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const child of children) node.append(child);
  return node;
}

// A JSON call to the server: what it answered (an empty object when nothing or no JSON came back) and whether it
// succeeded. session.js adds the CSRF token to every write.
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

function choose(options, value, onChange) {
  const s = el('select');
  for (const o of options) s.append(el('option', { value: o, textContent: o, selected: o === value }));
  s.addEventListener('change', () => onChange(s.value));
  return s;
}

/**
 * The 一级/二级 selects of a row. A row the user has just added ({@code row.guess}) takes its category from the name
 * typed into {@code nameInput} until the user picks one.
 */
function categorySelects(row, nameInput, changed) {
  const l1 = choose(LEVEL1, row.level1, (v) => { row.level1 = v; row.guess = false; changed(); });
  const l2 = choose(LEVEL2, row.level2, (v) => { row.level2 = v; row.guess = false; changed(); });
  nameInput.addEventListener('input', () => {
    const cue = row.guess ? inferCategory(nameInput.value) : null;
    if (!cue) return;
    row.level1 = l1.value = cue.level1;
    row.level2 = l2.value = cue.level2;
    changed();
  });
  return [l1, l2];
}

/** What the table says of a row built from a generic template: well formed, but not about this project. */
const TEMPLATE_NOTE = '通用模板，未经本项目核实，请按项目实际修改';

/** A row the user adds: 产出/数量 until its name says otherwise. */
function newRow() {
  return { level1: '产出指标', level2: '数量指标', name: '', value: '', guess: true };
}

/**
 * Reads a fetched text/event-stream (a POST, so EventSource cannot be used) and calls {@code onEvent(name, data)} for
 * each event as it arrives, {@code data} parsed from JSON.
 */
async function readEvents(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const dispatch = (block) => {
    let name = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length) onEvent(name, JSON.parse(data.join('\n')));
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      dispatch(buffer.slice(0, cut));
      buffer = buffer.slice(cut + 2);
    }
  }
  if (buffer.trim()) dispatch(buffer);
}
