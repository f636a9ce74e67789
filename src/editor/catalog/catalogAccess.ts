/** The catalog module, imported the first time the tree or a picker needs it rather than at activation. */
export function loadCatalog(): Promise<typeof import('../../core/catalog/catalog')> {
  return import('../../core/catalog/catalog');
}
