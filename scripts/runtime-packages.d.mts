/** See runtime-packages.mjs. */
export declare const RUNTIME_PACKAGES: readonly string[];
