// The ONE place that says where the add-in is served from. The manifest is written with the
// development URL; the production build replaces every occurrence with KINERJA_PROD_URL.
"use strict";
const DEV_URL = "https://localhost:3000/";
const PROD_URL = ensureSlash(process.env.KINERJA_PROD_URL || "https://kinerja.example.go.id/");

function ensureSlash(url) {
  return url.endsWith("/") ? url : url + "/";
}

/** Every occurrence (the Yo Office shared template replaced only the first one). */
function toProduction(text) {
  const devOrigin = DEV_URL.slice(0, -1);
  const prodOrigin = new URL(PROD_URL).origin;
  // Full URLs first, then bare origins (AppDomains).
  return text.split(DEV_URL).join(PROD_URL).split(devOrigin).join(prodOrigin);
}

module.exports = { DEV_URL, PROD_URL, toProduction };
