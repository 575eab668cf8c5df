// The login form posts to /login with the CSRF token the server put in the XSRF-TOKEN cookie.
'use strict';

const messages = {
  error: '用户名或密码错误。',
  locked: '登录失败次数过多，请稍后再试。',
  logout: '已退出登录。',
};

const params = new URLSearchParams(window.location.search);
for (const [key, text] of Object.entries(messages)) {
  if (params.has(key)) document.getElementById('login-message').textContent = text;
}

document.getElementById('login-form').addEventListener('submit', () => {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  document.getElementById('csrf').value = match ? decodeURIComponent(match[1]) : '';
});
