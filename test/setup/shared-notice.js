// Says once, at the top of `npm test`, when the optional real-data suites will be skipped
// (../shared is the development machine's folder of real workbooks; a clone works without it).
const fs = require("fs");
const path = require("path");

module.exports = async () => {
  const root = process.env.KINERJA_SHARED ?? path.resolve(__dirname, "../../..", "shared");
  if (root && fs.existsSync(path.join(root, "real-workbooks"))) return;
  process.stdout.write(
    "\nCatatan: ../shared/real-workbooks tidak ada di samping repositori — suite data nyata " +
      "(test/real, test/codes/real-workbooks.test.ts) dilewati; semua uji lain tetap berjalan.\n\n"
  );
};
