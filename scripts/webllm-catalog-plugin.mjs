// Vite plugin: `virtual:webllm-prebuilt` is web-llm's prebuilt chat model list,
// read at build time so the UI thread never imports web-llm itself.
const ID = 'virtual:webllm-prebuilt';

export function webllmCatalogPlugin() {
  return {
    name: 'webllm-prebuilt-catalog',
    resolveId: (id) => (id === ID ? '\0' + ID : null),
    async load(id) {
      if (id !== '\0' + ID) return null;
      const { prebuiltAppConfig } = await import('@mlc-ai/web-llm');
      const list = prebuiltAppConfig.model_list
        .filter((m) => !m.model_type) // chat LLMs only (no embedding or vision models)
        .map(({ model, model_id, model_lib, vram_required_MB, required_features, overrides }) => ({
          model, model_id, model_lib, vram_required_MB, required_features,
          overrides: overrides?.context_window_size ? { context_window_size: overrides.context_window_size } : undefined,
        }));
      return `export default ${JSON.stringify(list)};`;
    },
  };
}
