/**
 * A page body in Confluence storage format (XHTML with `ac:`/`ri:` elements) drawn as React
 * elements, never as HTML: only an allow-list of elements is kept, no attribute except safe
 * link targets and table spans, and scripts, styles and frames are dropped with their content.
 */
import { type ReactElement, type ReactNode } from 'react';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';

const SAME_TAG = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'strong', 'em', 'u', 'code', 'pre', 'blockquote', 'sub', 'sup', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'span', 'div', 'caption']);
const RENAMED: Readonly<Record<string, string>> = { b: 'strong', i: 'em', s: 'del', strike: 'del', del: 'del' };
const DROPPED = new Set(['script', 'style', 'iframe', 'object', 'embed', 'link', 'meta', 'noscript', 'template', 'form', 'input', 'button', 'textarea', 'select']);
const SAFE_HREF = /^(https?:|mailto:|\/|#)/i;

const PANEL_APPEARANCE: Readonly<Record<string, 'information' | 'warning' | 'error' | 'success' | 'discovery'>> = {
  info: 'information',
  note: 'warning',
  warning: 'error',
  tip: 'success',
  panel: 'discovery',
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The HTML parser reads CDATA (code macros' bodies) as a comment; keep its text instead. */
function withoutCdata(storage: string): string {
  return storage.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_match, text: string) => escapeHtml(text));
}

function child(element: Element, tag: string): Element | undefined {
  return Array.from(element.children).find((candidate) => candidate.tagName.toLowerCase() === tag);
}

function macro(element: Element, key: string, ctx: Ctx): ReactElement {
  const name = element.getAttribute('ac:name') ?? 'macro';
  const body = child(element, 'ac:rich-text-body');
  const plain = child(element, 'ac:plain-text-body');
  if (name === 'code' || plain !== undefined) {
    return (
      <pre key={key} style={{ backgroundColor: token('color.background.neutral'), padding: token('space.150'), borderRadius: token('border.radius'), overflowX: 'auto', font: token('font.code') }}>
        {plain?.textContent ?? ''}
      </pre>
    );
  }
  const appearance = PANEL_APPEARANCE[name];
  if (appearance !== undefined) {
    const title = Array.from(element.children).find((candidate) => candidate.tagName.toLowerCase() === 'ac:parameter' && candidate.getAttribute('ac:name') === 'title')?.textContent ?? undefined;
    return (
      <div key={key} style={{ margin: `${token('space.150')} 0` }}>
        <SectionMessage appearance={appearance} title={title}>
          {body === undefined ? null : nodes(body.childNodes, key, ctx)}
        </SectionMessage>
      </div>
    );
  }
  return (
    <div key={key} data-macro={name} style={{ border: `1px dashed ${token('color.border')}`, padding: token('space.100'), color: token('color.text.subtle'), margin: `${token('space.100')} 0` }}>
      {`Macro “${name}”`}
      {body === undefined ? null : <div>{nodes(body.childNodes, key, ctx)}</div>}
    </div>
  );
}

function acLink(element: Element, key: string, ctx: Ctx): ReactElement {
  const user = child(element, 'ri:user');
  const page = child(element, 'ri:page');
  const label = child(element, 'ac:plain-text-link-body')?.textContent ?? child(element, 'ac:link-body')?.textContent;
  if (user !== undefined) {
    const accountId = user.getAttribute('ri:account-id') ?? '';
    return (
      <span key={key} data-mention={accountId} style={{ backgroundColor: token('color.background.neutral'), color: token('color.text.subtle'), borderRadius: 20, padding: `0 ${token('space.050')}` }}>
        @{label ?? ctx.mentionName(accountId)}
      </span>
    );
  }
  return (
    <span key={key} style={{ color: token('color.link') }}>
      {label ?? page?.getAttribute('ri:content-title') ?? 'link'}
    </span>
  );
}

interface Ctx {
  /** The display name for a mention, as the viewer would see it. */
  mentionName(accountId: string): string;
}

function element(node: Element, key: string, ctx: Ctx): ReactNode {
  const tag = node.tagName.toLowerCase();
  if (DROPPED.has(tag)) return null;
  const children = nodes(node.childNodes, key, ctx);
  if (tag === 'ac:structured-macro') return macro(node, key, ctx);
  if (tag === 'ac:link') return acLink(node, key, ctx);
  if (tag === 'ac:task-list') return <ul key={key} style={{ listStyle: 'none', paddingInlineStart: token('space.100') }}>{children}</ul>;
  if (tag === 'ac:task') {
    const done = child(node, 'ac:task-status')?.textContent === 'complete';
    const body = child(node, 'ac:task-body');
    return (
      <li key={key}>
        <input type="checkbox" checked={done} readOnly disabled /> {body === undefined ? null : nodes(body.childNodes, key, ctx)}
      </li>
    );
  }
  if (tag === 'ac:task-id' || tag === 'ac:task-status' || tag === 'ac:parameter') return null;
  if (tag === 'br') return <br key={key} />;
  if (tag === 'hr') return <hr key={key} />;
  if (tag === 'a') {
    const href = node.getAttribute('href') ?? '';
    if (!SAFE_HREF.test(href)) return <span key={key}>{children}</span>;
    const external = /^https?:/i.test(href);
    return (
      <a key={key} href={href} target={external ? '_blank' : undefined} rel={external ? 'noopener noreferrer' : undefined}>
        {children}
      </a>
    );
  }
  if (tag === 'td' || tag === 'th') {
    const Cell = tag;
    const span = (name: string): number | undefined => {
      const value = Number(node.getAttribute(name));
      return Number.isInteger(value) && value > 1 ? value : undefined;
    };
    return (
      <Cell key={key} colSpan={span('colspan')} rowSpan={span('rowspan')} style={{ border: `1px solid ${token('color.border')}`, padding: token('space.100'), textAlign: 'left', verticalAlign: 'top' }}>
        {children}
      </Cell>
    );
  }
  const Tag = RENAMED[tag] ?? (SAME_TAG.has(tag) ? tag : null);
  if (Tag === null) return <span key={key}>{children}</span>;
  if (Tag === 'table') return <table key={key} style={{ borderCollapse: 'collapse', margin: `${token('space.150')} 0` }}>{children}</table>;
  const Element = Tag as 'p';
  return <Element key={key}>{children}</Element>;
}

function nodes(list: NodeListOf<ChildNode>, prefix: string, ctx: Ctx): ReactNode[] {
  return Array.from(list).map((node, index) => {
    const key = `${prefix}.${index}`;
    if (node.nodeType === Node.TEXT_NODE) return node.textContent;
    if (node.nodeType === Node.ELEMENT_NODE) return element(node as Element, key, ctx);
    return null;
  });
}

export function StorageFormat({ value, mentionName }: { value: string; mentionName?: (accountId: string) => string }): ReactElement {
  const parsed = new DOMParser().parseFromString(`<body>${withoutCdata(value)}</body>`, 'text/html');
  const ctx: Ctx = { mentionName: mentionName ?? ((accountId) => accountId) };
  return <div className="storage-format">{nodes(parsed.body.childNodes, 'b', ctx)}</div>;
}
