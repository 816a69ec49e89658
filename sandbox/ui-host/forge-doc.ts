/**
 * The ForgeDoc tree @forge/react sends with the `reconcile` bridge command, and the read-only
 * questions a host asks of it (text, labels, ancestors). Nothing here depends on Node or jest:
 * the browser shell reads the same tree.
 */

/** One node as the @forge/react reconciler builds it; text is `{type: 'String', props: {text}}`. */
export interface ForgeDoc {
  type: string;
  props: Record<string, unknown>;
  children: ForgeDoc[];
  key: string;
  forgeReactMajorVersion?: number;
}

export type TextMatcher = string | RegExp;

/** Any function found in ForgeDoc props: the reconciler passes handlers through as they are. */
export type PropHandler = (...args: unknown[]) => unknown;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isHandler(value: unknown): value is PropHandler {
  return typeof value === 'function';
}

export function isForgeDoc(value: unknown): value is ForgeDoc {
  return isRecord(value) && typeof value.type === 'string' && isRecord(value.props) && Array.isArray(value.children);
}

export function stringProp(node: ForgeDoc, name: string): string | undefined {
  const value = node.props[name];
  return typeof value === 'string' ? value : undefined;
}

export function handlerProp(node: ForgeDoc, name: string): PropHandler | undefined {
  const value = node.props[name];
  return isHandler(value) ? value : undefined;
}

/** Every node of the tree, parents before children, in document order. */
export function walk(root: ForgeDoc): ForgeDoc[] {
  const nodes: ForgeDoc[] = [];
  const visit = (node: ForgeDoc): void => {
    nodes.push(node);
    for (const child of node.children) visit(child);
  };
  visit(root);
  return nodes;
}

/**
 * Props that a UI Kit component renders as visible text (children aside). A user reads a
 * form header's title or a section message's title as much as any Text, so queries do too.
 */
const VISIBLE_TEXT_PROPS: Readonly<Record<string, readonly string[]>> = {
  FormHeader: ['title', 'description'],
  FormSection: ['title', 'description'],
  SectionMessage: ['title'],
  EmptyState: ['header', 'description'],
  Checkbox: ['label'],
  Radio: ['label'],
  Tag: ['text'],
};

/** The text a user sees in `node`: its own text props, then every nested String, in order. */
export function textOf(node: ForgeDoc): string {
  if (node.type === 'String') return stringProp(node, 'text') ?? '';
  const fromProps = (VISIBLE_TEXT_PROPS[node.type] ?? []).map((name) => stringProp(node, name) ?? '').join('');
  return fromProps + node.children.map(textOf).join('');
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function matches(text: string, matcher: TextMatcher): boolean {
  const normalised = normalise(text);
  return typeof matcher === 'string' ? normalised === normalise(matcher) : matcher.test(normalised);
}

export function describeMatcher(matcher: TextMatcher): string {
  return typeof matcher === 'string' ? `"${matcher}"` : String(matcher);
}

/**
 * The innermost elements whose text matches: `<Button><Text>Approve</Text></Button>` yields the
 * Text, not the Button and not the String, so one visible piece of text is one match.
 */
export function findByText(root: ForgeDoc, matcher: TextMatcher): ForgeDoc[] {
  return walk(root).filter(
    (node) => node.type !== 'String' && matches(textOf(node), matcher) && !node.children.some((child) => child.type !== 'String' && matches(textOf(child), matcher)),
  );
}

export function findByType(root: ForgeDoc, type: string): ForgeDoc[] {
  return walk(root).filter((node) => node.type === type);
}

/** Components a Label can point at (by `id`, or Select's `inputId`). */
export const FIELD_TYPES: ReadonlySet<string> = new Set([
  'Textfield',
  'TextArea',
  'Select',
  'Checkbox',
  'CheckboxGroup',
  'Toggle',
  'RadioGroup',
  'Radio',
  'DatePicker',
  'TimePicker',
  'Range',
  'UserPicker',
]);

/**
 * Fields labelled `matcher`: through `<Label labelFor>` (the reconciler prefixes `labelFor`
 * and `id` alike, so they still pair up), or a field's own `label` / `aria-label` prop.
 */
export function findByLabel(root: ForgeDoc, matcher: TextMatcher): ForgeDoc[] {
  const nodes = walk(root);
  const fields = nodes.filter((node) => FIELD_TYPES.has(node.type));
  const found = new Set<ForgeDoc>();
  for (const label of nodes.filter((node) => node.type === 'Label' && matches(textOf(node), matcher))) {
    const target = stringProp(label, 'labelFor');
    for (const field of fields) {
      if (target !== undefined && (stringProp(field, 'id') === target || stringProp(field, 'inputId') === target)) found.add(field);
    }
  }
  for (const field of fields) {
    const own = stringProp(field, 'label') ?? stringProp(field, 'aria-label');
    if (own !== undefined && matches(own, matcher)) found.add(field);
  }
  return fields.filter((field) => found.has(field));
}

/** `node` and its ancestors up to the root, nearest first; empty when `node` is not in the tree. */
export function ancestry(root: ForgeDoc, node: ForgeDoc): ForgeDoc[] {
  const path: ForgeDoc[] = [];
  const search = (current: ForgeDoc): boolean => {
    if (current === node || current.children.some(search)) {
      path.push(current);
      return true;
    }
    return false;
  };
  search(root);
  return path;
}

function scalarProps(node: ForgeDoc): string {
  return Object.entries(node.props)
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join(' ');
}

/** An indented outline of the tree, for failure messages. */
export function outline(root: ForgeDoc, maxLines = 80): string {
  const lines: string[] = [];
  const visit = (node: ForgeDoc, depth: number): void => {
    const indent = '  '.repeat(depth);
    if (node.type === 'String') lines.push(`${indent}"${stringProp(node, 'text') ?? ''}"`);
    else lines.push(`${indent}<${node.type}${scalarProps(node) === '' ? '' : ` ${scalarProps(node)}`}>`);
    for (const child of node.children) visit(child, depth + 1);
  };
  visit(root, 0);
  return lines.length > maxLines ? [...lines.slice(0, maxLines), `  … ${lines.length - maxLines} more lines`].join('\n') : lines.join('\n');
}
