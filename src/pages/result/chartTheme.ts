/** The colours a chart is drawn in, read from the theme's `--vscode-*` variables. */
export interface ChartTheme {
  foreground: string;
  muted: string;
  grid: string;
  background: string;
  font: string;
  palette: string[];
  /** True in high-contrast themes: thicker lines and no translucent fills. */
  highContrast: boolean;
}

// VS Code's chart colours first (every built-in theme defines them), then terminal colours for
// charts with more series than the six chart colours; fixed values only where a theme lacks one.
const PALETTE_VARS: Array<[string, string]> = [
  ['--vscode-charts-blue', '#3794ff'],
  ['--vscode-charts-orange', '#d18616'],
  ['--vscode-charts-green', '#89d185'],
  ['--vscode-charts-purple', '#b180d7'],
  ['--vscode-charts-red', '#f14c4c'],
  ['--vscode-charts-yellow', '#cca700'],
  ['--vscode-terminal-ansiCyan', '#11a8cd'],
  ['--vscode-terminal-ansiMagenta', '#bc3fbc'],
  ['--vscode-terminal-ansiBrightBlue', '#3b8eea'],
  ['--vscode-terminal-ansiBrightGreen', '#23d18b'],
  ['--vscode-terminal-ansiBrightRed', '#f14c4c'],
  ['--vscode-terminal-ansiBrightYellow', '#f5f543'],
];

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

/** The current theme's chart colours (read again after a theme change). */
export function readChartTheme(): ChartTheme {
  const style = getComputedStyle(document.body);
  const highContrast = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
  const foreground = cssVar(style, '--vscode-charts-foreground', cssVar(style, '--vscode-editor-foreground', '#cccccc'));
  return {
    foreground,
    muted: cssVar(style, '--vscode-descriptionForeground', foreground),
    grid: cssVar(style, '--vscode-charts-lines', highContrast ? foreground : 'rgba(128, 128, 128, 0.25)'),
    background: cssVar(style, '--vscode-editor-background', '#1e1e1e'),
    font: `${cssVar(style, '--vscode-font-size', '13px')} ${cssVar(style, '--vscode-font-family', 'sans-serif')}`,
    palette: PALETTE_VARS.map(([name, fallback]) => cssVar(style, name, fallback)),
    highContrast,
  };
}

/** The same colour with an alpha, for bar fills; colours that are not `#rrggbb` stay as they are. */
export function withAlpha(colour: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  return m ? `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})` : colour;
}
