// The signed-in panel: every same-origin write carries the CSRF token from the XSRF-TOKEN cookie, and a lost session
// (401) goes back to the login page instead of failing silently. Loaded before the page's own script.
'use strict';

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

(() => {
  const original = window.fetch.bind(window);
  window.fetch = async (input, init = {}) => {
    const method = (init.method || 'GET').toUpperCase();
    if (!['GET', 'HEAD', 'OPTIONS'].includes(method)) {
      const headers = new Headers(init.headers || {});
      headers.set('X-XSRF-TOKEN', csrfToken());
      init = { ...init, headers };
    }
    const response = await original(input, init);
    if (response.status === 401) window.location.assign('/login.html');
    return response;
  };
})();

// The account bar: who is signed in, and a logout form (POST with the token, as Spring Security expects).
async function accountBar(container) {
  const response = await fetch('/api/me');
  if (!response.ok) return null;
  const me = await response.json();
  const roles = { STAFF: '经办人', REVIEWER: '审核人', ADMIN: '管理员' };
  const form = document.createElement('form');
  form.method = 'post';
  form.action = '/logout';
  form.className = 'logout';
  const token = document.createElement('input');
  token.type = 'hidden';
  token.name = '_csrf';
  token.value = csrfToken();
  const button = document.createElement('button');
  button.type = 'submit';
  button.className = 'small secondary';
  button.id = 'logout';
  button.textContent = '退出';
  form.append(token, button);
  const who = document.createElement('span');
  who.id = 'whoami';
  who.className = 'badge';
  who.textContent = `${me.username}（${roles[me.role] || me.role}）`;
  container.append(who, form);
  return me;
}

document.addEventListener('DOMContentLoaded', () => {
  const container = document.getElementById('account');
  if (container) accountBar(container);
});
