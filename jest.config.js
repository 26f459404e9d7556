/** @type {import('jest').Config} */
// Two projects: `unit` (pure layers, doors on the fake host; no browser, no LibreOffice, no
// build output) and `integration` (built bundles, headless Chromium, LibreOffice). `npm test`
// runs both; `npm run test:unit` only the first.
const common = {
  testEnvironment: "node",
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  setupFiles: ["<rootDir>/test/setup/custom-functions-stub.ts"],
};
const INTEGRATION = [
  "/test/browser/",
  "/test/build/",
  "/test/oracle/",
  "/test/manifest/",
  "/test/visual/",
  "/test/real/",
];
module.exports = {
  testTimeout: 60000,
  globalSetup: "<rootDir>/test/setup/shared-notice.js",
  projects: [
    {
      ...common,
      displayName: "unit",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "/test/tmp/", ...INTEGRATION],
    },
    {
      ...common,
      displayName: "integration",
      roots: ["<rootDir>/test"],
      testMatch: INTEGRATION.map((d) => `<rootDir>${d}**/*.test.ts`),
    },
  ],
};
