#!/usr/bin/env node
// Serves dist-playground/ (npm run build:playground) on 127.0.0.1 for the playground: taskpane.html is served with the Office CDN
// script replaced by the fake host (fake-host.js), so the real task pane runs on a sample
// workbook without Excel and without network. Used by `npm start` on Linux and by the tests.
"use strict";
const http = require("http");
const fs = require("fs");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};
const OFFICE_CDN =
  /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?><\/script>/;

function startServer({
  dist = path.resolve(__dirname, "..", "dist-playground"),
  port = 0,
  fakeOffice = true,
} = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let rel = decodeURIComponent(url.pathname);
    if (rel === "/") rel = "/playground.html";
    const file = path.resolve(dist, "." + rel);
    if (
      !file.startsWith(dist + path.sep) ||
      !fs.existsSync(file) ||
      fs.statSync(file).isDirectory()
    ) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Tidak ditemukan");
      return;
    }
    let body = fs.readFileSync(file);
    if (fakeOffice && rel === "/taskpane.html") {
      const html = body.toString("utf8");
      if (!OFFICE_CDN.test(html)) throw new Error("taskpane.html tidak memuat office.js dari CDN");
      body = Buffer.from(html.replace(OFFICE_CDN, '<script src="fake-host.js"></script>'));
    }
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-store",
    });
    res.end(body);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: p } = server.address();
      resolve({
        url: `http://127.0.0.1:${p}`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

module.exports = { startServer };

if (require.main === module) {
  // the playground build, not the production dist/ (which never holds the fake host)
  const dist = path.resolve(__dirname, "..", "dist-playground");
  if (!fs.existsSync(path.join(dist, "playground.html"))) {
    console.error("dist-playground/ belum dibangun: jalankan `npm run build:playground` dulu.");
    process.exit(1);
  }
  const wanted = Number(process.env.PORT || 3000);
  startServer({ dist, port: wanted })
    .catch(() => startServer({ dist, port: 0 }))
    .then(({ url }) => {
      console.log(`\nPlayground Kinerja berjalan di ${url}/playground.html`);
      console.log(
        "Workbook contoh: Tabel E.81 Dinas Tenaga Kerja Kabupaten Mojokerto (dokumen nyata)."
      );
      console.log(
        "Coba: Validasi sheet → klik temuan → Isi kolom capaian → Tulis ke sheet → Warnai predikat,\n" +
          "Grafik capaian, Buat Ringkasan (tab lembar di bawah grid) → Batalkan.  (Ctrl+C untuk berhenti)\n"
      );
    });
}
