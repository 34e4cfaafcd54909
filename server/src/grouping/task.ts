// What a grouping worker thread runs (see pool.ts). Bundled on its own by
// scripts/build-server.mjs into grouping-worker.mjs next to the compiled server.
import { type GroupingInput, type GroupingOptions, type GroupingResult, suggestGroups } from '@semis/shared/grouping';

export interface GroupingTask {
  ideas: GroupingInput[];
  options: GroupingOptions;
}

export default function group({ ideas, options }: GroupingTask): GroupingResult {
  return suggestGroups(ideas, options);
}
