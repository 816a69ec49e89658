/**
 * Entry of the browser shell (bundled by the sandbox server as /__shell/assets/shell.js). It
 * loads the ADS light theme, the token CSS every component reads, and mounts the page.
 */
import { createRoot } from 'react-dom/client';
import { setGlobalTheme, token } from '@atlaskit/tokens';
import { ShellApp } from './shell-app';

const GLOBAL_STYLE = `
html, body, #root { height: 100%; margin: 0; }
body { font: ${token('font.body')}; color: ${token('color.text')}; background: ${token('elevation.surface')}; -webkit-font-smoothing: antialiased; }
a { color: ${token('color.link')}; }
.storage-format p { margin: 0 0 ${token('space.150')}; }
.storage-format h1, .storage-format h2, .storage-format h3 { margin: ${token('space.300')} 0 ${token('space.100')}; }
.storage-format ul, .storage-format ol { margin: 0 0 ${token('space.150')}; padding-inline-start: ${token('space.300')}; }
.storage-format blockquote { margin: 0 0 ${token('space.150')}; padding-inline-start: ${token('space.200')}; border-inline-start: 2px solid ${token('color.border')}; color: ${token('color.text.subtle')}; }
`;

void setGlobalTheme({ colorMode: 'light', typography: 'typography-modernized', shape: 'shape' });
const style = document.createElement('style');
style.textContent = GLOBAL_STYLE;
document.head.append(style);

const root = document.getElementById('root');
if (root === null) throw new Error('The shell page has no #root element');
createRoot(root).render(<ShellApp />);
