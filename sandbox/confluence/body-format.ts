/**
 * Body representations. Pages are stored in storage format (XHTML) as Confluence does;
 * ADF is derived on request. The conversion keeps block structure, text and user mentions,
 * which is all the app reads or writes; macros and rich marks are out of scope.
 */
import { badRequest } from './errors';

export type AdfNode = {
  type: string;
  version?: number;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses an ADF document given as a JSON string, as v2 bodies carry it. */
export function parseAdf(value: string): AdfNode {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw badRequest('The atlas_doc_format value is not valid JSON');
  }
  const node = toNode(parsed);
  if (!node || node.type !== 'doc') throw badRequest("An atlas_doc_format value must be an ADF document of type 'doc'");
  return node;
}

function toNode(value: unknown): AdfNode | null {
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  const node: AdfNode = { type: value.type };
  if (typeof value.version === 'number') node.version = value.version;
  if (typeof value.text === 'string') node.text = value.text;
  if (isRecord(value.attrs)) node.attrs = value.attrs;
  if (Array.isArray(value.content)) {
    node.content = value.content.map(toNode).filter((n): n is AdfNode => n !== null);
  }
  return node;
}

/** Account ids of every `mention` node, in document order. */
export function adfMentions(node: AdfNode): string[] {
  const own = node.type === 'mention' && typeof node.attrs?.id === 'string' ? [node.attrs.id] : [];
  return [...own, ...(node.content ?? []).flatMap(adfMentions)];
}

/** Storage format mentions are `<ri:user ri:account-id="…"/>` inside an `<ac:link>`. */
export function storageMentions(storage: string): string[] {
  return [...storage.matchAll(/<ri:user\s+ri:account-id="([^"]+)"\s*\/?>/g)].map((m) => m[1]);
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const decodeEntities = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');

export function adfToStorage(node: AdfNode): string {
  const inner = (): string => (node.content ?? []).map(adfToStorage).join('');
  switch (node.type) {
    case 'text':
      return escapeXml(node.text ?? '');
    case 'mention':
      return typeof node.attrs?.id === 'string'
        ? `<ac:link><ri:user ri:account-id="${escapeXml(node.attrs.id)}" /></ac:link>`
        : '';
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading': {
      const level = typeof node.attrs?.level === 'number' ? Math.min(Math.max(node.attrs.level, 1), 6) : 1;
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${inner()}</ul>`;
    case 'orderedList':
      return `<ol>${inner()}</ol>`;
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'hardBreak':
      return '<br />';
    default:
      return inner();
  }
}

/** Inline content of one storage-format block: text runs and user mentions. */
function inlineNodes(fragment: string): AdfNode[] {
  const nodes: AdfNode[] = [];
  const pattern = /<ac:link>\s*<ri:user\s+ri:account-id="([^"]+)"\s*\/?>\s*<\/ac:link>/g;
  let last = 0;
  const pushText = (raw: string) => {
    const text = decodeEntities(raw.replace(/<br\s*\/?>/g, '\n').replace(/<[^>]+>/g, ''));
    if (text !== '') nodes.push({ type: 'text', text });
  };
  for (const match of fragment.matchAll(pattern)) {
    pushText(fragment.slice(last, match.index));
    nodes.push({ type: 'mention', attrs: { id: match[1], text: '' } });
    last = (match.index ?? 0) + match[0].length;
  }
  pushText(fragment.slice(last));
  return nodes;
}

export function storageToAdf(storage: string): AdfNode {
  const blocks: AdfNode[] = [];
  const blockPattern = /<(h[1-6]|p|li)(?:\s[^>]*)?>([\s\S]*?)<\/\1>/g;
  for (const match of storage.matchAll(blockPattern)) {
    const [, tag, inner] = match;
    const content = inlineNodes(inner);
    if (tag.startsWith('h')) blocks.push({ type: 'heading', attrs: { level: Number(tag.slice(1)) }, content });
    else if (tag === 'li') blocks.push({ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content }] }] });
    else blocks.push({ type: 'paragraph', content });
  }
  if (blocks.length === 0 && storage.trim() !== '') blocks.push({ type: 'paragraph', content: inlineNodes(storage) });
  return { type: 'doc', version: 1, content: blocks };
}
