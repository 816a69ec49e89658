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

/** A page or a blog post: Confluence shapes both alike (a blog post has no place in the page tree). */
export type ContentType = 'page' | 'blogpost';

export interface Content {
  id: string;
  title: string;
  spaceId: string;
  status: string;
  authorId: string;
  createdAt: string;
  version: PageVersion;
  body?: { storage?: { value: string } };
  /** With `include-operations=true`: what the acting user may do to the page or blog post. */
  operations?: { results: { operation: string; targetType: string }[] };
}

/** A page as page lists (PageBulk) give it: only these say whether it is a live doc. */
export interface ListedPage {
  id: string;
  title: string;
  subtype?: string | null;
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
