/**
 * A `data:` URI for an export, so a plain link downloads it in the browser: UI Kit has no
 * download API, and a data URI needs neither egress nor a remote. What browsers allow (checked in
 * Chromium): a `text/csv` data URI downloads (as "download.csv"); a `text/html` one is blocked
 * ("Not allowed to navigate top frame to data URL"), so the HTML report goes as
 * `application/octet-stream`, which downloads; URIs over 2 MB are refused.
 */
import { type AnalyticsExportView } from '../../shared/contract';

/** Chromium refuses URLs longer than 2 MiB; staying under it keeps the link working. */
export const MAX_DATA_URI_LENGTH = 2_000_000;

/** A byte-order mark, so spreadsheet apps read the CSV as UTF-8 (accents, non-Latin names). */
const BOM = '\uFEFF';

const CHUNK = 0x8000;

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** The link's target, or null when the file is too large for one (then only copying works). */
export function downloadUri(file: AnalyticsExportView): string | null {
  const uri =
    file.mimeType === 'text/csv'
      ? `data:text/csv;charset=utf-8;base64,${base64(`${BOM}${file.content}`)}`
      : `data:application/octet-stream;base64,${base64(file.content)}`;
  return uri.length > MAX_DATA_URI_LENGTH ? null : uri;
}
