/** Version of the generation engine; stored with runs and bundle manifests. Bump when output changes. */
export const ENGINE_VERSION = "1.2.0";
