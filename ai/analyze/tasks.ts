/** The analysis tasks, alone in a module so the panel can name them without loading the request builders. */
export const ANALYZE_TASKS = ["describe", "critique", "text", "compare"] as const;
export type AnalyzeTask = (typeof ANALYZE_TASKS)[number];
