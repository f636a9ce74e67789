// Theme variables for the webview preview: a representative subset of what VS Code injects into
// every webview, with the values of its default themes ("Light Modern", "Dark Modern" and "Dark
// High Contrast"). Colours the themes leave unset are the workbench's registered defaults for
// that kind of theme (light / dark / hcDark).

const common = {
  'font-family': '-apple-system, BlinkMacSystemFont, "Segoe WPC", "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
  'font-size': '13px',
  'font-weight': 'normal',
  'editor-font-family': '"Droid Sans Mono", "monospace", monospace',
  'editor-font-size': '14px',
  'editor-font-weight': 'normal',
};

/** Variables per theme, without the `--vscode-` prefix. */
export const THEMES = {
  light: {
    kind: 'vscode-light',
    label: 'Light Modern',
    vars: {
      ...common,
      foreground: '#3b3b3b',
      descriptionForeground: '#717171',
      errorForeground: '#f85149',
      focusBorder: '#005fb8',
      'icon-foreground': '#3b3b3b',
      'widget-border': '#e5e5e5',
      'widget-shadow': 'rgba(0, 0, 0, 0.16)',
      'editor-background': '#ffffff',
      'editor-foreground': '#3b3b3b',
      'editorLineNumber-foreground': '#6e7681',
      'editorWidget-background': '#f8f8f8',
      'editorWidget-border': '#c8c8c8',
      'editorWarning-foreground': '#bf8803',
      'editorError-foreground': '#e51400',
      'input-background': '#ffffff',
      'input-foreground': '#3b3b3b',
      'input-border': '#cecece',
      'input-placeholderForeground': '#767676',
      'inputOption-activeBackground': '#bed6ed',
      'inputOption-activeBorder': '#005fb8',
      'inputOption-activeForeground': '#000000',
      'inputValidation-errorBackground': '#f2dede',
      'inputValidation-errorBorder': '#be1100',
      'inputValidation-warningBackground': '#f6f5d2',
      'inputValidation-warningBorder': '#b89500',
      'dropdown-background': '#ffffff',
      'dropdown-foreground': '#3b3b3b',
      'dropdown-border': '#cecece',
      'dropdown-listBackground': '#ffffff',
      'button-background': '#005fb8',
      'button-foreground': '#ffffff',
      'button-hoverBackground': '#0258a8',
      'button-border': 'rgba(0, 0, 0, 0.1)',
      'button-secondaryBackground': '#e5e5e5',
      'button-secondaryForeground': '#3b3b3b',
      'button-secondaryHoverBackground': '#cccccc',
      'badge-background': '#cccccc',
      'badge-foreground': '#3b3b3b',
      'checkbox-background': '#f8f8f8',
      'checkbox-border': '#cecece',
      'textLink-foreground': '#005fb8',
      'textLink-activeForeground': '#005fb8',
      'textPreformat-foreground': '#3b3b3b',
      'textPreformat-background': 'rgba(0, 0, 0, 0.12)',
      'textBlockQuote-background': '#f8f8f8',
      'textBlockQuote-border': '#e5e5e5',
      'textCodeBlock-background': '#f8f8f8',
      'list-hoverBackground': '#f2f2f2',
      'list-activeSelectionBackground': '#e8e8e8',
      'list-activeSelectionForeground': '#000000',
      'menu-background': '#ffffff',
      'menu-foreground': '#3b3b3b',
      'menu-border': '#cecece',
      'menu-selectionBackground': '#005fb8',
      'menu-selectionForeground': '#ffffff',
      'toolbar-hoverBackground': 'rgba(184, 184, 184, 0.31)',
      'progressBar-background': '#005fb8',
      'panel-border': '#e5e5e5',
      'tree-indentGuidesStroke': '#a9a9a9',
      'testing-iconPassed': '#388a34',
      'scrollbarSlider-background': 'rgba(100, 100, 100, 0.4)',
      'scrollbarSlider-hoverBackground': 'rgba(100, 100, 100, 0.7)',
    },
  },
  dark: {
    kind: 'vscode-dark',
    label: 'Dark Modern',
    vars: {
      ...common,
      foreground: '#cccccc',
      descriptionForeground: '#9d9d9d',
      errorForeground: '#f85149',
      focusBorder: '#0078d4',
      'icon-foreground': '#cccccc',
      'widget-border': '#313131',
      'widget-shadow': 'rgba(0, 0, 0, 0.36)',
      'editor-background': '#1f1f1f',
      'editor-foreground': '#cccccc',
      'editorLineNumber-foreground': '#6e7681',
      'editorWidget-background': '#202020',
      'editorWidget-border': '#454545',
      'editorWarning-foreground': '#cca700',
      'editorError-foreground': '#f14c4c',
      'input-background': '#313131',
      'input-foreground': '#cccccc',
      'input-border': '#3c3c3c',
      'input-placeholderForeground': '#989898',
      'inputOption-activeBackground': 'rgba(36, 137, 219, 0.51)',
      'inputOption-activeBorder': '#2488db',
      'inputOption-activeForeground': '#ffffff',
      'inputValidation-errorBackground': '#5a1d1d',
      'inputValidation-errorBorder': '#be1100',
      'inputValidation-warningBackground': '#352a05',
      'inputValidation-warningBorder': '#b89500',
      'dropdown-background': '#313131',
      'dropdown-foreground': '#cccccc',
      'dropdown-border': '#3c3c3c',
      'dropdown-listBackground': '#1f1f1f',
      'button-background': '#0078d4',
      'button-foreground': '#ffffff',
      'button-hoverBackground': '#026ec1',
      'button-border': 'rgba(255, 255, 255, 0.07)',
      'button-secondaryBackground': '#313131',
      'button-secondaryForeground': '#cccccc',
      'button-secondaryHoverBackground': '#3c3c3c',
      'badge-background': '#616161',
      'badge-foreground': '#f8f8f8',
      'checkbox-background': '#313131',
      'checkbox-border': '#3c3c3c',
      'textLink-foreground': '#4daafc',
      'textLink-activeForeground': '#4daafc',
      'textPreformat-foreground': '#d0d0d0',
      'textPreformat-background': '#3c3c3c',
      'textBlockQuote-background': '#2b2b2b',
      'textBlockQuote-border': '#616161',
      'textCodeBlock-background': '#2b2b2b',
      'list-hoverBackground': '#2a2d2e',
      'list-activeSelectionBackground': '#04395e',
      'list-activeSelectionForeground': '#ffffff',
      'menu-background': '#1f1f1f',
      'menu-foreground': '#cccccc',
      'menu-border': '#454545',
      'menu-selectionBackground': '#0078d4',
      'menu-selectionForeground': '#ffffff',
      'toolbar-hoverBackground': 'rgba(90, 93, 94, 0.31)',
      'progressBar-background': '#0078d4',
      'panel-border': '#2b2b2b',
      'tree-indentGuidesStroke': '#585858',
      'testing-iconPassed': '#73c991',
      'scrollbarSlider-background': 'rgba(121, 121, 121, 0.4)',
      'scrollbarSlider-hoverBackground': 'rgba(100, 100, 100, 0.7)',
    },
  },
  hc: {
    kind: 'vscode-high-contrast',
    label: 'Dark High Contrast',
    vars: {
      ...common,
      foreground: '#ffffff',
      descriptionForeground: 'rgba(255, 255, 255, 0.7)',
      errorForeground: '#f48771',
      focusBorder: '#f38518',
      contrastBorder: '#6fc3df',
      contrastActiveBorder: '#f38518',
      'icon-foreground': '#ffffff',
      'widget-border': '#6fc3df',
      'editor-background': '#000000',
      'editor-foreground': '#ffffff',
      'editorLineNumber-foreground': '#ffffff',
      'editorWidget-background': '#0c141f',
      'editorWidget-border': '#6fc3df',
      'editorWarning-foreground': '#ffd370',
      'editorError-foreground': '#f48771',
      'input-background': '#000000',
      'input-foreground': '#ffffff',
      'input-border': '#6fc3df',
      'input-placeholderForeground': 'rgba(255, 255, 255, 0.7)',
      'inputOption-activeBackground': 'transparent',
      'inputOption-activeBorder': '#6fc3df',
      'inputOption-activeForeground': '#ffffff',
      'inputValidation-errorBackground': '#000000',
      'inputValidation-errorBorder': '#6fc3df',
      'inputValidation-warningBackground': '#000000',
      'inputValidation-warningBorder': '#6fc3df',
      'dropdown-background': '#000000',
      'dropdown-foreground': '#ffffff',
      'dropdown-border': '#6fc3df',
      'dropdown-listBackground': '#000000',
      'button-background': 'transparent',
      'button-foreground': '#ffffff',
      'button-border': '#6fc3df',
      'button-secondaryForeground': '#ffffff',
      'badge-background': '#000000',
      'badge-foreground': '#ffffff',
      'checkbox-background': '#000000',
      'checkbox-border': '#6fc3df',
      'textLink-foreground': '#21a6ff',
      'textLink-activeForeground': '#21a6ff',
      'textPreformat-foreground': '#ffffff',
      'textPreformat-background': '#000000',
      'textBlockQuote-border': '#ffffff',
      'textCodeBlock-background': '#000000',
      'list-hoverBackground': 'rgba(255, 255, 255, 0.1)',
      'list-focusOutline': '#f38518',
      'menu-background': '#000000',
      'menu-foreground': '#ffffff',
      'menu-border': '#6fc3df',
      'menu-selectionBorder': '#f38518',
      'toolbar-hoverOutline': '#f38518',
      'progressBar-background': '#6fc3df',
      'panel-border': '#6fc3df',
      'tree-indentGuidesStroke': '#a9a9a9',
      'testing-iconPassed': '#73c991',
      'scrollbarSlider-background': 'rgba(111, 195, 223, 0.6)',
      'scrollbarSlider-hoverBackground': 'rgba(111, 195, 223, 0.8)',
    },
  },
};

/**
 * The stylesheet the preview loads in place of what VS Code injects: the theme's variables, and
 * the default styles every VS Code webview gets (copied in substance from VS Code's webview
 * host page), so the page is previewed as it will look inside the editor.
 */
export function themeCss() {
  const blocks = Object.entries(THEMES).map(([name, theme]) => {
    const lines = Object.entries(theme.vars).map(([k, v]) => `  --vscode-${k}: ${v};`);
    return `html[data-theme="${name}"] {\n${lines.join('\n')}\n  background: var(--vscode-editor-background);\n}`;
  });
  return `${blocks.join('\n\n')}

html { scrollbar-color: var(--vscode-scrollbarSlider-background) var(--vscode-editor-background); }
body {
  overscroll-behavior-x: none;
  background-color: transparent;
  color: var(--vscode-editor-foreground);
  font-family: var(--vscode-font-family);
  font-weight: var(--vscode-font-weight);
  font-size: var(--vscode-font-size);
  margin: 0;
  padding: 0 20px;
}
img, video { max-width: 100%; max-height: 100%; }
a, a code { color: var(--vscode-textLink-foreground); }
a:hover { color: var(--vscode-textLink-activeForeground); }
a:focus, input:focus, select:focus, textarea:focus { outline: 1px solid -webkit-focus-ring-color; outline-offset: -1px; }
code {
  font-family: var(--monaco-monospace-font);
  color: var(--vscode-textPreformat-foreground);
  background-color: var(--vscode-textPreformat-background);
  padding: 1px 3px;
  border-radius: 4px;
}
pre code { padding: 0; }
blockquote { background: var(--vscode-textBlockQuote-background); border-color: var(--vscode-textBlockQuote-border); }
::-webkit-scrollbar { width: 10px; height: 10px; }
::-webkit-scrollbar-corner { background-color: var(--vscode-editor-background); }
::-webkit-scrollbar-thumb { background-color: var(--vscode-scrollbarSlider-background); }
::-webkit-scrollbar-thumb:hover { background-color: var(--vscode-scrollbarSlider-hoverBackground); }
`;
}
