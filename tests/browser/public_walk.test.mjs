// The applicant's walk, headless Chromium at 390×844 with JavaScript disabled, against the real
// `gongkai serve`: apply with an attachment → the clerk asks for a 补正 → the applicant sees it on
// /status → the correction is received → fee notice → the applicant sees the amount → fee paid
// → decision → delivered → the applicant opens and downloads the letter from /status. Every page
// must load in ≤ 2 s. Screenshots go to $GONGKAI_SCREENSHOTS or a temp folder.
//
// The staff steps are small functions; `decide` is the one step that changes when a decision
// needs approval (拟办 → 法制审核 → 签发): adapt it alone.
import { chromium } from "playwright-core";
import fs from "node:fs";
import path from "node:path";
import assert from "node:assert/strict";
import { browserPath, clerkPassword, startSite } from "./harness.mjs";

const site = await startSite("gongkai-walk-");
const { base, year, work, shots } = site;
const maxPageMs = 2000;

const browser = await chromium.launch({ executablePath: browserPath, args: ["--no-sandbox"] });
const started = Date.now();
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
  locale: "zh-CN", javaScriptEnabled: false, acceptDownloads: true };
let failed = false;
let shot = 0;
try {
  const applicant = await (await browser.newContext(phone)).newPage();
  const staff = await (await browser.newContext(phone)).newPage();
  const number = `樟工信依申〔${year}〕1号`;

  // 1. Apply online with an ID copy.
  await timed(applicant, "apply form", () => applicant.goto(`${base}/apply`));
  await applicant.selectOption("#agency_id", { label: "樟树市工业和信息化局" });
  await applicant.check("#applicant_kind_natural_person");
  await applicant.fill("#contact_name", "李明");
  await applicant.fill("#identity_number", "11010519491231002X");
  await applicant.fill("#contact_phone", "13800000000");
  await applicant.fill("#description", `${year}年樟树市工业企业技术改造专项资金的分配结果`);
  await applicant.setInputFiles("#attachment_id_copy", {
    name: "身份证.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% scan\n") });
  await snap(applicant, "apply");
  await timed(applicant, "receipt", () => submit(applicant, "button[type=submit].primary"));
  assert.equal((await text(applicant, "#number")), number);
  const code = await text(applicant, "#lookup-code");
  assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  assert.equal(await text(applicant, "#receipt-title"), "政府信息公开申请回执");
  assert.match(await text(applicant, "#receipt-due"), /^\d{4}-\d{2}-\d{2}$/);
  assert.match(await text(applicant, "#receipt-attachments"), /身份证明复印件：身份证\.pdf/);
  await snap(applicant, "receipt");

  // 2. The clerk signs in, sees the attachment and asks for a 补正.
  await timed(staff, "login", () => staff.goto(`${base}/login`));
  await staff.fill("#username", "clerk");
  await staff.fill("#password", clerkPassword);
  await timed(staff, "signed in", () => submit(staff, "button[type=submit].primary"));
  await openApplication(staff, number);
  assert.match(await text(staff, "#app-attachments"), /身份证\.pdf/);
  await record(staff, "correction_requested", { days: "10", note: "请写明所需专项资金的年度" });

  // 3. The applicant sees what to correct and by when.
  await lookUp(applicant, code);
  assert.equal(await text(applicant, "#status-headline"), "需要您补正申请");
  assert.equal(await text(applicant, "#status-items"), "请写明所需专项资金的年度");
  assert.match(await text(applicant, "#status-next"), /^请在\d{4}年\d+月\d+日前按上述事项补正/);
  assert.equal(await text(applicant, "#status-due"), "暂停计算（收到补正后重新计算）");
  await snap(applicant, "status-correction");

  // 4. Correction received; fee notice.
  await record(staff, "correction_received", {});
  await record(staff, "fee_notice_sent", { fee_method: "per_application", fee_yuan: "200" });

  // 5. The applicant sees the amount and that the clock waits.
  await lookUp(applicant, code);
  assert.equal(await text(applicant, "#status-headline"), "需要您缴纳信息处理费");
  assert.equal(await text(applicant, "#status-fee"), "200.00元");
  assert.match(await text(applicant, "#status-summary"), /缴费前答复期限暂停计算，缴费后继续计算/);
  await snap(applicant, "status-fee");

  // 6. Fee paid, decision, delivered.
  await record(staff, "fee_paid", {});
  await decide(staff);
  await record(staff, "delivered", {});

  // 7. The applicant reads the outcome and gets the letter from /status.
  await lookUp(applicant, code);
  assert.equal(await text(applicant, "#status-headline"), "已办结");
  assert.match(await text(applicant, "#status-summary"), /^予以公开：机关同意公开您申请的信息/);
  assert.match(await text(applicant, "#status-summary"), /送达，可在下方查看和下载。$/);
  await snap(applicant, "status-served");
  const [download] = await Promise.all([
    applicant.waitForEvent("download"), applicant.click("#letter-docx")]);
  assert.equal(download.suggestedFilename(), `樟工信依申答〔${year}〕1号政府信息公开申请答复书.docx`);
  const saved = path.join(work, "letter.docx");
  await download.saveAs(saved);
  assert.equal(fs.readFileSync(saved).subarray(0, 2).toString(), "PK");
  await timed(applicant, "letter", () => submit(applicant, "#letter-html"), { fits: false });
  assert.match(await text(applicant, "body"), /政府信息公开申请答复书/);
  assert.match(await text(applicant, "body"), /李明：/);
  await snap(applicant, "letter");
  console.log(`browser walk passed in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
    `screenshots: ${shots}`);
} catch (e) {
  failed = true;
  console.error(`browser walk FAILED: ${e.stack || e}\nscreenshots: ${shots}`);
} finally {
  await browser.close();
  await site.stop();
}
process.exit(failed ? 1 : 0);

// The decision (the agency has no approval chain here: 拟办 → 法制审核 → 签发 is tested in C++).
// A conclusion asks for confirmation first: a second POST, no JavaScript.
async function decide(page) {
  await page.selectOption("#form-decided select[name=outcome]", "1");
  await timed(page, "decided", () => submit(page, "#form-decided button[type=submit]"));
  assert.match(await text(page, "#confirm-summary"), /（一）予以公开/);
  await timed(page, "confirmed", () => submit(page, "#form-confirm button[type=submit]"));
  assert.equal(await text(page, "#app-status"), "已办结");
}

// Records one event with the application page's form for it.
async function record(page, type, fields) {
  const form = `#form-${type}`;
  for (const [name, value] of Object.entries(fields)) {
    const field = `${form} [name=${name}]`;
    if (await page.$eval(field, (e) => e.tagName) === "SELECT") await page.selectOption(field, value);
    else await page.fill(field, value);
  }
  await timed(page, `recorded ${type}`, () => submit(page, `${form} button[type=submit]`));
  assert.equal(await page.$("#event-error"), null, `${type}: ${await page.textContent("main")}`);
}

async function openApplication(page, number) {
  await timed(page, "queue", () => page.goto(`${base}/admin/applications`));
  await timed(page, "application", () => submit(page, `text=${number}`));
}

async function lookUp(page, code) {
  await timed(page, "status form", () => page.goto(`${base}/status`));
  await page.fill("#code", code);
  await timed(page, "status", () => submit(page, "form:has(#code) button[type=submit]"));
}

async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function text(page, selector) {
  return (await page.textContent(selector)).trim();
}

// Runs a navigation and checks it took no more than 2 s and (except for the A4 letter) that the
// page fits the phone.
async function timed(page, what, action, { fits = true } = {}) {
  const t0 = Date.now();
  await action();
  const ms = Date.now() - t0;
  assert.ok(ms <= maxPageMs, `${what}: ${ms} ms (more than ${maxPageMs} ms)`);
  if (!fits) return;
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `${what}: page is ${width}px wide at a 390px viewport`);
}

async function snap(page, name) {
  shot += 1;
  await page.screenshot({ path: path.join(shots, `${shot}-${name}.png`), fullPage: true });
}
