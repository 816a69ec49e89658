/**
 * DynamicTable and Pagination. UI Kit's DynamicTable wrapper sends `head` and `rows` as
 * children (`ContentWrapper name="head"` with Cells, `name="rows"` with Rows of Cells, the
 * app's `key`s renamed `cellKey`/`rowKey`); they are put back into the shape ADS takes. ADS
 * sorts a sortable column by the cells' keys, which is why UI Kit asks apps for meaningful ones.
 */
import { type ComponentProps, type ReactNode } from 'react';
import DynamicTable from '@atlaskit/dynamic-table';
import Pagination from '@atlaskit/pagination';
import { type ForgeDoc } from '../../../ui-host/forge-doc';
import { propDocs } from '../prop-elements';
import { arrayOf, booleanOf, handlerOf, numberOf, oneOf, stringOf, textOrNumberOf, wrapped } from '../props';
import { useModuleRuntime } from '../runtime';
import { type UiKitComponent } from '../types';

type Render = (nodes: readonly ForgeDoc[]) => ReactNode;
type TableProps = ComponentProps<typeof DynamicTable>;
type Head = NonNullable<TableProps['head']>;
type Rows = NonNullable<TableProps['rows']>;

function cellKey(cell: ForgeDoc, index: number): string | number {
  return textOrNumberOf(cell, 'cellKey') ?? index;
}

function headOf(node: ForgeDoc, render: Render): Head | undefined {
  const cells = wrapped(node, 'head').filter((cell) => cell.type === 'Cell');
  if (cells.length === 0) return undefined;
  return {
    cells: cells.map((cell, index) => ({
      key: cellKey(cell, index),
      content: render(cell.children),
      isSortable: booleanOf(cell, 'isSortable'),
      width: numberOf(cell, 'width'),
      shouldTruncate: booleanOf(cell, 'shouldTruncate'),
    })),
  };
}

function rowsOf(node: ForgeDoc, render: Render): Rows {
  return wrapped(node, 'rows')
    .filter((row) => row.type === 'Row')
    .map((row, rowIndex) => ({
      key: String(textOrNumberOf(row, 'rowKey') ?? rowIndex),
      isHighlighted: booleanOf(row, 'isHighlighted'),
      cells: row.children.filter((cell) => cell.type === 'Cell').map((cell, index) => ({ key: cellKey(cell, index), content: render(cell.children) })),
    }));
}

export const DynamicTableView: UiKitComponent = ({ node, render }) => {
  const runtime = useModuleRuntime();
  const empty = propDocs(node, 'emptyView');
  const highlighted = numberOf(node, 'highlightedRowIndex') ?? (arrayOf(node, 'highlightedRowIndex')?.filter((index): index is number => typeof index === 'number') || undefined);
  const onSetPage = handlerOf(node, 'onSetPage');
  return (
    <DynamicTable
      head={headOf(node, render)}
      rows={rowsOf(node, render)}
      caption={stringOf(node, 'caption')}
      label={stringOf(node, 'label')}
      rowsPerPage={numberOf(node, 'rowsPerPage')}
      defaultPage={numberOf(node, 'defaultPage')}
      page={numberOf(node, 'page')}
      sortKey={stringOf(node, 'sortKey')}
      sortOrder={oneOf(node, 'sortOrder', ['ASC', 'DESC'] as const)}
      defaultSortKey={stringOf(node, 'defaultSortKey')}
      defaultSortOrder={oneOf(node, 'defaultSortOrder', ['ASC', 'DESC'] as const)}
      isLoading={booleanOf(node, 'isLoading')}
      isFixedSize={booleanOf(node, 'isFixedSize')}
      loadingSpinnerSize={oneOf(node, 'loadingSpinnerSize', ['small', 'large'] as const)}
      highlightedRowIndex={highlighted}
      emptyView={empty.length === 0 ? undefined : <div>{render(empty)}</div>}
      onSetPage={onSetPage === undefined ? undefined : (page: number) => void runtime.call(onSetPage, page)}
      testId={stringOf(node, 'testId')}
    />
  );
};

export const PaginationView: UiKitComponent = ({ node }) => {
  const runtime = useModuleRuntime();
  const pages = arrayOf(node, 'pages') ?? [];
  return (
    <Pagination
      pages={pages}
      selectedIndex={numberOf(node, 'selectedIndex')}
      defaultSelectedIndex={numberOf(node, 'defaultSelectedIndex')}
      max={numberOf(node, 'max')}
      label={stringOf(node, 'label')}
      nextLabel={stringOf(node, 'nextLabel')}
      previousLabel={stringOf(node, 'previousLabel')}
      pageLabel={stringOf(node, 'pageLabel')}
      testId={stringOf(node, 'testId')}
      // The DOM event cannot cross into the app; UI Kit hands over the page that was picked.
      onChange={(_event: unknown, page: unknown) => void runtime.call(handlerOf(node, 'onChange'), { type: 'change' }, page)}
    />
  );
};
