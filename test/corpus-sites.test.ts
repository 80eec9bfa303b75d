/**
 * Layout inference on real sites drawn as designers draw them (test/fixtures/corpus/sb-*: Start Bootstrap pages
 * converted to Figma REST JSON and made to look drawn): the goals of issue 22 on every page. See
 * test/helpers/corpus-goals.ts; the corpus and its sources are described in test/fixtures/corpus/SOURCES.md.
 */
import { describeCorpusGoals } from "./helpers/corpus-goals.js";

describeCorpusGoals("converted site");
