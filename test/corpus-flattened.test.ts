/**
 * Layout inference on real Figma files with their auto layout removed (test/fixtures/corpus/flat-*): the goals
 * of issue 22 on every frame, against the frame's own auto layout. See test/helpers/corpus-goals.ts.
 */
import { describeCorpusGoals } from "./helpers/corpus-goals.js";

describeCorpusGoals("flattened file");
