/**
 * Some UI Kit props hold elements rather than data: SectionMessage `actions`, EmptyState
 * `primaryAction`, DynamicTable `emptyView`, Textfield `elemAfterInput`. The reconciler leaves
 * props alone, so those arrive as the app's React elements (from the module's frame). This turns
 * them into ForgeDoc nodes so one renderer draws everything.
 */
import { type ForgeDoc, isRecord } from '../../ui-host/forge-doc';

// Symbol.for keys are shared by every realm, so the module frame's elements carry the same ones.
const ELEMENT_TYPES = new Set<symbol>([Symbol.for('react.element'), Symbol.for('react.transitional.element')]);
const FRAGMENT = Symbol.for('react.fragment');

let generated = 0;

function textNode(text: string): ForgeDoc {
  generated += 1;
  return { type: 'String', props: { text }, children: [], key: `prop-text-${generated}` };
}

function isElement(value: unknown): value is { type: unknown; props: Record<string, unknown>; key: string | null } {
  return isRecord(value) && typeof value.$$typeof === 'symbol' && ELEMENT_TYPES.has(value.$$typeof) && isRecord(value.props);
}

/**
 * ForgeDoc nodes for a prop value: text, elements of UI Kit components (string types), arrays
 * and fragments of those. A function component is called the way UI Kit's own DynamicTable
 * wrapper does it, so plain components without hooks still work; one that fails becomes a node
 * the renderer shows as an error, never silently nothing.
 */
export function docsOfProp(value: unknown): ForgeDoc[] {
  if (value === null || value === undefined || typeof value === 'boolean') return [];
  if (typeof value === 'string' || typeof value === 'number') return [textNode(String(value))];
  if (Array.isArray(value)) return value.flatMap(docsOfProp);
  if (!isElement(value)) return [];
  const { children, ...props } = value.props;
  generated += 1;
  const key = `prop-element-${value.key ?? ''}-${generated}`;
  if (value.type === FRAGMENT) return docsOfProp(children);
  if (typeof value.type === 'string') return [{ type: value.type, props, children: docsOfProp(children), key }];
  if (typeof value.type === 'function') {
    try {
      return docsOfProp((value.type as (props: Record<string, unknown>) => unknown)(value.props));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return [{ type: '__SandboxPropError', props: { message: `A component passed in a prop could not be rendered outside the app: ${reason}` }, children: [], key }];
    }
  }
  return [];
}

/** The ForgeDoc nodes of `node.props[name]`. */
export function propDocs(node: ForgeDoc, name: string): ForgeDoc[] {
  return docsOfProp(node.props[name]);
}
