/**
 * The document at `/`: an empty root the shell bundle renders Confluence into. Until the
 * script runs (or without scripts) the root holds the plain overview of the demo site, so the
 * page is never blank and its links still open every page through the REST API.
 */
import { type HomeView, OVERVIEW_STYLE, renderOverview } from '../home-page';

export const SHELL_SCRIPT = '/__shell/assets/shell.js';
export const SHELL_STYLESHEET = '/__shell/assets/shell.css';

export function renderShellPage(overview: HomeView): string {
  return `<!doctype html>
<html lang="en" data-color-mode="light" data-theme="light:light spacing:spacing typography:typography">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ApprovalFlow — Confluence sandbox</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${SHELL_STYLESHEET}">
<noscript><style>${OVERVIEW_STYLE}</style></noscript>
</head>
<body>
<div id="root"><noscript>
${renderOverview(overview)}
</noscript></div>
<script src="${SHELL_SCRIPT}"></script>
</body>
</html>
`;
}

/**
 * The document each UI Kit module runs in: no markup of its own, because the module's tree is
 * drawn by the shell around it. It exists so the frame has a same-origin URL (@forge/bridge
 * builds `new Request('')` against it) and a fresh global scope for the module's bundle.
 */
export const MODULE_FRAME_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>UI Kit module</title></head><body></body></html>
`;
