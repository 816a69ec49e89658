/** The contract between the ForgeDoc renderer and the component mappings. */
import type { ReactElement, ReactNode } from 'react';
import { type ForgeDoc } from '../../ui-host/forge-doc';

export interface UiKitProps {
  /** The node as the app last rendered it (the reconciler mutates props in place between renders). */
  node: ForgeDoc;
  /** The node's children, already rendered. */
  children: ReactNode;
  /** Renders other nodes: wrapped content (`ContentWrapper`), nodes made from element props. */
  render(nodes: readonly ForgeDoc[]): ReactNode;
}

export type UiKitComponent = (props: UiKitProps) => ReactElement | null;
