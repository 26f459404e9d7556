// office-addin-lint picks this file up: the Office add-in recommended rules (with prettier), for
// TypeScript. `no-undef` is TypeScript's job (it knows the DOM and Office globals).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  { ignores: ["dist/**", "build/**", "node_modules/**", "coverage/**", "tmp/**", "test/tmp/**", "dist-playground/**", "src/codes/data/**"] },
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
    rules: { "no-undef": "off" },
  },
  {
    // Tests, scripts and the fake host use ExcelJS and hand-made proxies, not Office.js objects.
    files: ["test/**", "scripts/**", "dev/**"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/call-sync-after-load": "off",
      "office-addins/load-object-before-read": "off",
    },
  },
];
