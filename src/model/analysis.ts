// The result of validating one sheet (types only).
import type { Issue } from "./issue";
import type { Recognition } from "./recognition";

export interface Analysis {
  recognition: Recognition;
  issues: Issue[];
  /** Which nomenclature version was used for code checks (Indonesian label). */
  nomenclatureVersion: string | null;
}
