/** esbuild.react-native-types.mjs, for the tests that read the declarations as the build does. */
export function reactNativeTypes(): { path: string; content: string }[];
