// One past declaration of the library, opened from a similar-project link or a source the assistant cites: read-only.
'use strict';

(async () => {
  const id = new URLSearchParams(window.location.search).get('id') || '';
  const response = await fetch('/api/declarations/' + encodeURIComponent(id));
  const d = await response.json().catch(() => ({}));
  if (!response.ok) { $('project-title').textContent = d.message || '找不到这份申报'; return; }
  const place = [d.region, d.year].filter((x) => x !== null && x !== undefined && x !== '').join(' ');
  $('project-title').textContent = `《${d.projectName || '未命名项目'}》` + (place ? `（${place}）` : '');
  document.title = `${d.projectName || '历史申报'} · 绩效指标助手`;
  const facts = [['主管部门', d.department], ['年度资金（万元）', d.fundsWanYuan], ['项目概况', d.overview],
    ['年度绩效目标', d.annualGoal], ['来源文件', d.source]];
  $('project-facts').replaceChildren(...facts.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .flatMap(([k, v]) => [el('dt', { textContent: k }), el('dd', { textContent: String(v) })]));
  $('project-indicators').querySelector('tbody').replaceChildren(...(d.indicators || []).map((r) => el('tr', {},
    el('td', { textContent: r.level1 || r.level1Raw || '' }), el('td', { textContent: r.level2 || r.level2Raw || '' }),
    el('td', { textContent: r.name || '' }), el('td', { textContent: r.value || '' }))));
})();
