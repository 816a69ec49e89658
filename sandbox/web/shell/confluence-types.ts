/** The slices of Confluence's REST shapes the shell reads (as the emulator answers them). */
export interface Space {
  id: string;
  key: string;
  name: string;
  homepageId: string | null;
}

export interface PageVersion {
  number: number;
  createdAt: string;
  authorId: string;
  message: string;
}

export interface Page {
  id: string;
  title: string;
  spaceId: string;
  parentId: string | null;
  status: string;
  authorId: string;
  createdAt: string;
  version: PageVersion;
  body?: { storage?: { value: string } };
  /** With `include-operations=true`: what the acting user may do to the page. */
  operations?: { results: { operation: string; targetType: string }[] };
}

export interface TreeItem {
  id: string;
  title: string;
  type: 'page' | 'folder';
  status: string;
}

export interface Ancestor {
  id: string;
  type: 'page' | 'folder';
}

export interface Results<T> {
  results: T[];
}

export interface ContentProperty {
  id: string;
  key: string;
  value: unknown;
}

export interface Person {
  accountId: string;
  displayName: string;
  email?: string;
  timeZone?: string;
}
