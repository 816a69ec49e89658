/**
 * Draws a ForgeDoc with the components of registry.tsx. Text nodes are text; an unknown type
 * is a red box naming it; a component that throws is contained to its own box, so one bad
 * node never blanks the module or the page.
 */
import { Component, type ErrorInfo, type ReactElement, type ReactNode } from 'react';
import { token } from '@atlaskit/tokens';
import { type ForgeDoc, stringProp } from '../../ui-host/forge-doc';
import { COMPONENTS, NOT_EMULATED } from './registry';

export function RenderProblem({ title, detail, testId }: { title: string; detail: string; testId: string }): ReactElement {
  return (
    <div
      role="alert"
      data-testid={testId}
      style={{
        border: `2px solid ${token('color.border.danger')}`,
        backgroundColor: token('color.background.danger'),
        color: token('color.text.danger'),
        borderRadius: token('border.radius'),
        padding: `${token('space.100')} ${token('space.150')}`,
        margin: `${token('space.050')} 0`,
        font: token('font.body.small'),
      }}
    >
      <strong>{title}</strong>
      <div style={{ color: token('color.text'), whiteSpace: 'pre-wrap' }}>{detail}</div>
    </div>
  );
}

function UnknownComponent({ node }: { node: ForgeDoc }): ReactElement {
  if (NOT_EMULATED.has(node.type)) {
    return <RenderProblem testId="uikit-not-emulated" title={`UI Kit component ${node.type} is not emulated by the sandbox`} detail="It needs a Confluence service the sandbox does not have; it renders on a real site." />;
  }
  if (node.type === '__SandboxPropError') {
    return <RenderProblem testId="uikit-prop-error" title="A component in a prop could not be rendered" detail={stringProp(node, 'message') ?? ''} />;
  }
  return (
    <RenderProblem
      testId="uikit-unknown-component"
      title={`Unknown UI Kit component: ${node.type}`}
      detail={`UI Kit has no component called "${node.type}", so Confluence would not render it either. Use a component exported by @forge/react.`}
    />
  );
}

class NodeBoundary extends Component<{ type: string; children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`UI Kit ${this.props.type} failed to render`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return <RenderProblem testId="uikit-render-error" title={`${this.props.type} could not be rendered`} detail={this.state.error.message} />;
  }
}

export function renderNodes(nodes: readonly ForgeDoc[]): ReactNode {
  return nodes.map((node) => <NodeView key={node.key} node={node} />);
}

function NodeView({ node }: { node: ForgeDoc }): ReactNode {
  if (node.type === 'String') return stringProp(node, 'text') ?? '';
  const View = COMPONENTS[node.type];
  if (View === undefined) return <UnknownComponent node={node} />;
  return (
    <NodeBoundary type={node.type}>
      <View node={node} render={renderNodes}>
        {renderNodes(node.children)}
      </View>
    </NodeBoundary>
  );
}

/**
 * The module's whole tree. The reconciler resends one mutated root object, so nothing here is
 * memoised: the module re-renders this on every `reconcile` and every node reads its props anew.
 */
export function ForgeDocView({ doc }: { doc: ForgeDoc }): ReactElement {
  return <>{renderNodes([doc])}</>;
}
