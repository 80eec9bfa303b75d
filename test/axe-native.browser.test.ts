/** Issue 72: axe-core clean in React Native (through react-native-web) on every real frame (helpers/axe-suite.ts). */
import { axeSuite } from "./helpers/axe-suite.js";

axeSuite(["react-native"]);
