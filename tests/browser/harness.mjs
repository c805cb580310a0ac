// What the browser tests share: a data folder with a holiday file covering last year to next year
// (only 元旦: the tests do not depend on the bundled data reaching today's date; the real data is
// tested in C++), an agency (樟树市工业和信息化局, 樟工信, under 樟树市人民政府), a clerk and an editor created
// with the CLI, and `gongkai serve --port 0` started on it.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const bin = process.env.GONGKAI_BIN || path.join(here, "../../build/release/gongkai");
export const browserPath = process.env.CHROMIUM || "/usr/bin/chromium";
export const clerkPassword = "browser-test-pass-9";

// Returns {base, year, work, shots, stop}; `stop()` ends the server and removes the data.
export async function startSite(prefix) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const shots = process.env.GONGKAI_SCREENSHOTS || path.join(work, "screenshots");
  fs.mkdirSync(shots, { recursive: true });
  const year = new Date().getFullYear();
  const holidays = path.join(work, "holidays.tsv");
  fs.writeFileSync(holidays, `# years: ${year - 1}-${year + 1}\ndate\tkind\tname\n` +
    [year - 1, year, year + 1].map((y) => `${y}-01-01\tholiday\t元旦\n`).join(""));
  const env = { ...process.env, GONGKAI_DATA_DIR: path.join(work, "var"), GONGKAI_HOLIDAYS: holidays };
  const cli = (args, input = "") => {
    const r = spawnSync(bin, args, { env, input, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`gongkai ${args.join(" ")}: ${r.stderr}`);
    return r.stdout;
  };
  cli(["db", "migrate"]);
  cli(["agency", "add", "--name", "樟树市人民政府", "--kind", "government"]);
  cli(["agency", "add", "--name", "樟树市工业和信息化局", "--short-name", "樟工信",
    "--parent", "樟树市人民政府", "--reconsideration-body", "樟树市人民政府",
    "--court", "樟树市人民法院"]);
  cli(["user", "add", "clerk", "--name", "王经办", "--role", "application_clerk@樟工信"],
    `${clerkPassword}\n`);
  cli(["user", "add", "editor", "--name", "李编辑", "--role", "editor@樟工信"], `${clerkPassword}\n`);
  // Decisions count at once here (the approval chain is tested in application_approval_web_test).
  cli(["app", "approval-chain", "--agency", "樟工信", "--set", "none"]);

  // `--port 0`: the server picks a free port and prints it.
  const server = spawn(bin, ["serve", "--port", "0", "--threads", "2"], { env });
  let serverErr = "";
  server.stderr.on("data", (d) => { serverErr += d; });
  const base = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${serverErr}`)), 10000);
    server.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) { clearTimeout(timer); resolve(`http://127.0.0.1:${m[1]}`); }
    });
    server.on("exit", (code) => reject(new Error(`server exited ${code}: ${serverErr}`)));
  });
  const stop = async () => {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    // Keep the screenshots; drop the database and the holiday file.
    fs.rmSync(path.join(work, "var"), { recursive: true, force: true });
    fs.rmSync(holidays, { force: true });
  };
  return { base, year, work, shots, stop };
}
