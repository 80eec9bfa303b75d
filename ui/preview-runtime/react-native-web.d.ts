/** react-native-web ships no types: its exports are React Native's (react-native-web-shim.ts re-exports them). */
declare module "react-native-web" {
  export * from "react-native";
}
