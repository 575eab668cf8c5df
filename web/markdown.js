// The assistant's text as Markdown, built from DOM nodes and text only: no HTML string is ever parsed, so tags,
// scripts or links written by a model show as plain text. It knows what the assistant writes: paragraphs and line
// breaks, "- " bullets, "1. " numbered lists with indented continuation lines, "#" headings, **bold** and `code`.
'use strict';

const MD_BULLET = /^ ?[-*·•] +(.*)$/;
const MD_NUMBERED = /^ ?(\d{1,3})[.、)] +(.*)$/;
const MD_HEADING = /^#{1,6} +(.*)$/;
const MD_CONTINUATION = /^ {2,}\S/;
const MD_INLINE = /\*\*([^*\n]+)\*\*|`([^`\n]+)`/g;

function markdownInline(parent, text) {
  let last = 0;
  for (const m of text.matchAll(MD_INLINE)) {
    if (m.index > last) parent.append(text.slice(last, m.index));
    parent.append(m[1] !== undefined ? el('strong', { textContent: m[1] }) : el('code', { textContent: m[2] }));
    last = m.index + m[0].length;
  }
  if (last < text.length) parent.append(text.slice(last));
}

/** A <div class="md"> holding {@code text} rendered. */
function renderMarkdown(text) {
  const root = el('div', { className: 'md' });
  let list = null;
  let item = null;
  let paragraph = null;
  for (const line of String(text).replace(/\r\n?/g, '\n').split('\n')) {
    if (!line.trim()) {
      list = item = paragraph = null;
      continue;
    }
    const bullet = line.match(MD_BULLET);
    const numbered = bullet ? null : line.match(MD_NUMBERED);
    if (bullet || numbered) {
      const tag = bullet ? 'UL' : 'OL';
      if (!list || list.tagName !== tag) {
        list = el(tag.toLowerCase());
        if (numbered) list.start = Number(numbered[1]);
        root.append(list);
      }
      item = el('li');
      markdownInline(item, bullet ? bullet[1] : numbered[2]);
      list.append(item);
      paragraph = null;
      continue;
    }
    if (item && MD_CONTINUATION.test(line)) {
      item.append(el('br'));
      markdownInline(item, line.trim());
      continue;
    }
    list = item = null;
    const heading = line.match(MD_HEADING);
    if (heading) {
      const h = el('p', { className: 'md-heading' });
      markdownInline(h, heading[1]);
      root.append(h);
      paragraph = null;
      continue;
    }
    if (paragraph) paragraph.append(el('br'));
    else root.append(paragraph = el('p'));
    markdownInline(paragraph, line);
  }
  return root;
}
