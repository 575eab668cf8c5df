// Bulk checking of legacy forms: upload several files, a folder or a .zip; follow each job's progress as the server
// streams it (SSE); stop, continue or abandon it; download the workbook and the JSON report; read why a file could
// not be processed. Every node is built with textContent.
'use strict';

const JOB_STATUS = {
  STARTING: '排队中', STARTED: '正在处理', STOPPING: '正在停止', STOPPED: '已停止', FAILED: '出错中断',
  COMPLETED: '已完成', ABANDONED: '已放弃', UNKNOWN: '状态不明',
};
const RUNNING = ['STARTING', 'STARTED', 'STOPPING'];
const RESUMABLE = ['STOPPED', 'FAILED', 'UNKNOWN'];
const ACCEPTED = ['.txt', '.csv', '.docx', '.doc', '.xlsx', '.xls', '.pdf', '.zip'];

const bulkState = { chosen: [], job: null, events: null };

function tell(id, text) {
  $(id).textContent = text;
}

// --- choosing and uploading

function size(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

// A folder brings everything in it: only the forms and archives the server reads are sent, the rest is named.
function chooseFiles(files) {
  const list = [...files];
  const known = list.filter((f) => ACCEPTED.some((ext) => f.name.toLowerCase().endsWith(ext)));
  const left = list.length - known.length;
  bulkState.chosen = known;
  const total = known.reduce((sum, f) => sum + f.size, 0);
  tell('chosen', known.length
    ? `已选择 ${known.length} 个文件，共 ${size(total)}` + (left ? `（另有 ${left} 个不是申报表格式，不上传）` : '')
    : (left ? `所选的 ${left} 个文件都不是申报表格式。` : ''));
  $('start').disabled = known.length === 0;
}

// XMLHttpRequest rather than fetch: only it reports upload progress, which matters for hundreds of files.
function upload(files) {
  const form = new FormData();
  for (const f of files) form.append('files', f, f.webkitRelativePath || f.name);
  if ($('bulk-department').value) form.append('department', $('bulk-department').value);
  form.append('improve', String($('bulk-improve').checked));
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/bulk/jobs');
    xhr.setRequestHeader('X-XSRF-TOKEN', csrfToken());
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) $('upload-progress').value = Math.round((e.loaded * 100) / e.total);
    });
    xhr.addEventListener('load', () => {
      if (xhr.status === 401) window.location.assign('/login.html');
      resolve({ ok: xhr.status >= 200 && xhr.status < 300, data: xhr.response || {} });
    });
    xhr.addEventListener('error', () => resolve({ ok: false, data: { message: '网络错误，上传未完成' } }));
    xhr.send(form);
  });
}

async function start() {
  const files = bulkState.chosen;
  if (!files.length) return;
  $('start').disabled = true;
  $('upload-progress').hidden = false;
  $('upload-progress').value = 0;
  tell('bulk-message', `正在上传 ${files.length} 个文件…`);
  const { ok, data } = await upload(files);
  $('upload-progress').hidden = true;
  $('start').disabled = false;
  if (!ok) { tell('bulk-message', data.message || '上传失败'); return; }
  tell('bulk-message', `已创建任务 #${data.id}。`);
  $('bulk-files').value = '';
  $('bulk-folder').value = '';
  chooseFiles([]);
  await loadJobs();
  show(data);
}

// --- the job list

function fileCount(job) {
  return (job.files || []).length;
}

// Skipped counts files, whose declarations were never known; the total counts declarations.
function processed(job) {
  const c = job.counts || {};
  return (c.done || 0) + (c.failed || 0);
}

// Null while the total is not known yet (the files are still being read). 100 % means the workbook is ready: after
// the last declaration the job still writes it.
function percent(job) {
  if (job.status === 'COMPLETED') return 100;
  if (!job.total) return null;
  return Math.min(99, Math.floor((processed(job) * 100) / job.total));
}

function note(job) {
  if (job.status === 'STARTED' && job.total && processed(job) >= job.total) return '全部申报已处理，正在生成工作簿和报告…';
  return job.message && job.message !== JOB_STATUS[job.status] ? job.message : '';
}

function progressText(job) {
  const p = percent(job);
  return p === null ? `已读取 ${(job.counts || {}).read || 0} 份` : `${p}%`;
}

function listRow(job) {
  const tr = el('tr', {},
    el('td', { textContent: `#${job.id}` }),
    el('td', { textContent: job.createdAt ? new Date(job.createdAt).toLocaleString('zh-CN') : '' }),
    el('td', { textContent: fileCount(job) }),
    el('td', { textContent: JOB_STATUS[job.status] || job.status }),
    el('td', { textContent: progressText(job) }));
  tr.dataset.id = job.id;
  if (bulkState.job && String(bulkState.job.id) === String(job.id)) tr.className = 'selected';
  tr.addEventListener('click', () => openJob(job.id));
  return tr;
}

async function loadJobs() {
  const { ok, data } = await call('GET', '/api/bulk/jobs');
  if (!ok) { tell('bulk-message', data.message || '无法取得任务列表'); return; }
  $('job-list').querySelector('tbody').replaceChildren(...data.map(listRow));
  $('no-jobs').hidden = data.length > 0;
}

function updateListRow(job) {
  const old = $('job-list').querySelector(`tbody tr[data-id="${CSS.escape(String(job.id))}"]`);
  if (old) old.replaceWith(listRow(job));
}

// --- one job

function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `约 ${s} 秒`;
  if (s < 3600) return `约 ${Math.floor(s / 60)} 分 ${s % 60} 秒`;
  return `约 ${Math.floor(s / 3600)} 小时 ${Math.floor((s % 3600) / 60)} 分`;
}

function render(job) {
  bulkState.job = job;
  const c = job.counts || {};
  $('job').hidden = false;
  tell('job-title', `批量任务 #${job.id} · ${fileCount(job)} 个文件`);
  tell('job-status', JOB_STATUS[job.status] || job.status);
  const p = percent(job);
  if (p === null) $('job-progress').removeAttribute('value');
  else $('job-progress').value = p;
  tell('job-percent', progressText(job));
  tell('count-read', c.read || 0);
  tell('count-done', c.done || 0);
  tell('count-skipped', c.skipped || 0);
  tell('count-failed', c.failed || 0);
  const running = RUNNING.includes(job.status);
  tell('job-throughput', running && job.throughput ? `${job.throughput.toFixed(1)} 份/秒` : '—');
  tell('job-eta', running ? duration(job.etaSeconds) : '—');
  $('stop').hidden = !running;
  $('stop').disabled = job.status === 'STOPPING';
  $('restart').hidden = !RESUMABLE.includes(job.status);
  $('abandon').hidden = !RESUMABLE.includes(job.status);
  const completed = job.status === 'COMPLETED';
  $('download-workbook').hidden = !completed;
  $('download-report').hidden = !completed;
  $('download-workbook').href = `/api/bulk/jobs/${job.id}/workbook`;
  $('download-report').href = `/api/bulk/jobs/${job.id}/report`;
  tell('job-note', note(job));
  updateListRow(job);
}

function follow(job) {
  if (bulkState.events) bulkState.events.close();
  bulkState.events = null;
  if (!RUNNING.includes(job.status)) return;
  const events = new EventSource(`/api/bulk/jobs/${job.id}/events`);
  bulkState.events = events;
  events.addEventListener('progress', (e) => {
    const view = JSON.parse(e.data);
    render(view);
    failures(view);
  });
  events.addEventListener('done', (e) => {
    events.close();
    bulkState.events = null;
    show(JSON.parse(e.data));
  });
  // The browser reconnects on its own; a job that ended meanwhile is shown as it ended instead.
  events.addEventListener('error', async () => {
    const { ok, data } = await call('GET', `/api/bulk/jobs/${job.id}`);
    if (ok && !RUNNING.includes(data.status) && bulkState.events === events) {
      events.close();
      bulkState.events = null;
      show(data);
    }
  });
}

// The job's number in the address: a reload or a shared link opens the same job.
function show(job) {
  history.replaceState(null, '', '#' + job.id);
  render(job);
  tell('job-message', '');
  follow(job);
  failures(job);
  $('job-list').querySelectorAll('tbody tr').forEach((tr) => {
    tr.className = tr.dataset.id === String(job.id) ? 'selected' : '';
  });
}

async function openJob(id) {
  const { ok, data } = await call('GET', `/api/bulk/jobs/${id}`);
  if (!ok) { tell('bulk-message', data.message || '无法打开任务'); return; }
  show(data);
}

// Files the job could not read are known as soon as they are read; declarations that failed are listed in the
// report, which exists once the job has completed.
async function failures(job) {
  const rows = (job.files || []).filter((f) => f.status === 'SKIPPED').map((f) => [f.name, f.reason]);
  if (job.status === 'COMPLETED' && (job.counts || {}).failed) {
    const { ok, data } = await call('GET', `/api/bulk/jobs/${job.id}/report`);
    if (ok) rows.push(...data.failures.map((f) => [`${f.file} 第 ${f.index + 1} 份`, f.reason]));
  }
  if (!bulkState.job || bulkState.job.id !== job.id) return;
  $('failure-list').querySelector('tbody').replaceChildren(...rows.map(([name, reason]) => el('tr', {},
    el('td', { textContent: name }), el('td', { textContent: reason || '' }))));
  $('failures').hidden = rows.length === 0;
}

// The department decides who else sees the job; a user of one department needs no choice.
async function departments() {
  const response = await fetch('/api/me');
  if (!response.ok) return;
  const me = await response.json();
  const list = [...(me.departments || [])].sort();
  $('bulk-department').replaceChildren(el('option', { value: '', textContent: '不指定' }),
    ...list.map((d) => el('option', { value: d, textContent: d })));
  if (list.length === 1) $('bulk-department').value = list[0];
  $('department-choice').hidden = list.length < 2;
}

async function act(action, done) {
  const job = bulkState.job;
  const { ok, data } = await call('POST', `/api/bulk/jobs/${job.id}/${action}`);
  if (!ok) { tell('job-message', data.message || '操作失败'); return; }
  show(data);
  tell('job-message', done);
}

(() => {
  $('bulk-files').addEventListener('change', (e) => { $('bulk-folder').value = ''; chooseFiles(e.target.files); });
  $('bulk-folder').addEventListener('change', (e) => { $('bulk-files').value = ''; chooseFiles(e.target.files); });
  $('start').addEventListener('click', start);
  $('refresh').addEventListener('click', loadJobs);
  $('stop').addEventListener('click', () => act('stop', '已请求停止：当前这一批处理完后停下，之后可以继续。'));
  $('restart').addEventListener('click', () => act('restart', '已从上次停下的地方继续处理。'));
  $('abandon').addEventListener('click', () => {
    if (window.confirm('放弃后该任务不能再继续，确定放弃吗？')) act('abandon', '任务已放弃。');
  });
  departments();
  loadJobs();
  if (/^#\d+$/.test(window.location.hash)) openJob(window.location.hash.slice(1));
})();
