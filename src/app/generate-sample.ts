// The sample generator is pure (src/generate); the CLI reaches it through the app layer.
export type { GeneratedFile, GenerateOptions } from "../generate/index.ts";
export { generateChain, SAMPLE_SIZES } from "../generate/index.ts";
