// What a grouping worker thread runs (see pool.ts). Bundled on its own by
// scripts/build-server.mjs into grouping-worker.mjs next to the compiled server.
import { type GroupingInput, type GroupingOptions, type GroupingResult, suggestGroups } from '@semis/shared/grouping';
import { installLefff } from '@semis/shared/grouping/lemma-node';

export interface GroupingTask {
  ideas: GroupingInput[];
  options: GroupingOptions;
}

export default function group({ ideas, options }: GroupingTask): GroupingResult {
  // The Lefff lemmas serve the atelier mode only; read on the first such task (~4 MB of JSON).
  if (options.atelier) installLefff();
  return suggestGroups(ideas, options);
}
