/**
 * `react-native` in the React Native preview's runtime (esbuild.config.mjs aliases it here): react-native-web, and the
 * native-module registry react-native-svg's touch code imports (its sound module is absent on the web).
 */
export * from "react-native-web";

export const TurboModuleRegistry = {
  get: (): null => null,
  getEnforcing: (): null => null,
};
