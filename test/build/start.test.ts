// The README's main job on Linux: `npm start` opens the playground. Runs scripts/start.js as
// `npm start` does and fetches the page it announces.
import { spawn } from "child_process";
import * as path from "path";

const root = path.resolve(__dirname, "../..");

(process.platform === "linux" ? test : test.skip)(
  "npm start on Linux serves the playground at the URL it prints",
  async () => {
    const child = spawn(process.execPath, [path.join(root, "scripts", "start.js")], {
      cwd: root,
      env: { ...process.env, PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stderr.on("data", (d) => (out += d));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (d) => {
          out += d;
          const m = /(http:\/\/127\.0\.0\.1:\d+\/playground\.html)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on("exit", (code) => reject(new Error(`npm start berhenti (${code}):\n${out}`)));
      });
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/fake-host|playground/i);
      expect(out).toMatch(/Playground Kinerja berjalan/);
    } finally {
      child.kill("SIGTERM");
    }
  },
  240000
);
