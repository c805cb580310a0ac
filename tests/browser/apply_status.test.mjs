// Headless Chromium at phone width (390×844) against the real `gongkai serve`: a member of the
// public fills /apply with plain form steps (no JavaScript on the page), reads the number and
// the lookup code from the confirmation, and looks the application up on /status; then a clerk
// signs in and finds it in the queue. Screenshots go to $GONGKAI_SCREENSHOTS or a temp folder.
//
//   node tests/browser/apply_status.test.mjs            (after scripts/build)
//   GONGKAI_BIN=… CHROMIUM=… node …                     (other binary or browser)
import { chromium } from "playwright-core";
import path from "node:path";
import assert from "node:assert/strict";
import { browserPath, clerkPassword, startSite } from "./harness.mjs";

const site = await startSite("gongkai-browser-");
const { base, year, shots } = site;

const browser = await chromium.launch({ executablePath: browserPath, args: ["--no-sandbox"] });
const started = Date.now();
let failed = false;
try {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN",
    javaScriptEnabled: false,  // the pages must work without it
  });
  const page = await context.newPage();

  await page.goto(`${base}/apply`);
  await page.selectOption("#agency_id", { label: "樟树市工业和信息化局" });
  await page.check("input[name=applicant_kind][value=natural_person]");
  await page.fill("#contact_name", "李明");
  await page.fill("#identity_number", "11010519491231002X");
  await page.fill("#contact_phone", "13800000000");
  await page.fill("#contact_email", "liming@example.cn");
  await page.fill("#description", "2024年樟树市工业企业技术改造专项资金的分配结果");
  await page.selectOption("#carrier", "email");
  await page.selectOption("#delivery", "email");
  await assertFitsPhone(page, "apply form");
  await page.screenshot({ path: path.join(shots, "1-apply.png"), fullPage: true });
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit].primary")]);

  const number = (await page.textContent("#number")).trim();
  const code = (await page.textContent("#lookup-code")).trim();
  assert.equal(number, `樟工信依申〔${year}〕1号`);
  assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  assert.match(await page.textContent("main"), /查询码只显示这一次/);
  await assertFitsPhone(page, "confirmation");
  await page.screenshot({ path: path.join(shots, "2-confirmation.png"), fullPage: true });

  await page.goto(`${base}/status`);
  await page.fill("#code", code.toLowerCase());  // case and dashes do not matter
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit].primary")]);
  assert.equal((await page.textContent("#status-number")).trim(), number);
  assert.equal((await page.textContent("#status-label")).trim(), "办理中");
  const result = await page.textContent("#status-result");
  assert.match(result, /樟树市工业和信息化局/);
  assert.match(result, /剩余时间\s*剩余20个工作日/);
  assert.doesNotMatch(result, /李明|13800000000|11010519491231002X/);  // nothing about the applicant
  await assertFitsPhone(page, "status");
  await page.screenshot({ path: path.join(shots, "3-status.png"), fullPage: true });

  await page.fill("#code", "AAAA-BBBB-CCCC-DDDD");
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit].primary")]);
  assert.equal((await page.textContent("#lookup-error")).trim(), "查询码不正确或不存在，请核对后重新输入");

  // The clerk signs in and finds it in the queue.
  await page.goto(`${base}/login`);
  await page.fill("#username", "clerk");
  await page.fill("#password", clerkPassword);
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit].primary")]);
  await page.goto(`${base}/admin/applications`);
  const queue = await page.textContent("main");
  assert.match(queue, new RegExp(number.replace(/[〔〕]/g, ".")));
  assert.match(queue, /李明/);
  await assertFitsPhone(page, "queue");
  // At phone width the queue's rows are cards, each cell with its label.
  assert.equal(await page.evaluate(
    () => getComputedStyle(document.querySelector("table.cards tbody tr")).display), "block");
  assert.equal(await page.evaluate(
    () => getComputedStyle(document.querySelector("table.cards td"), "::before").content), '"申请编号"');
  // The skip link is the keyboard's first stop.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "跳到正文");
  await page.screenshot({ path: path.join(shots, "4-queue.png"), fullPage: true });
  // A wrong address is a page of the site, with the signed-in header.
  const missing = await page.goto(`${base}/admin/no-such-page`);
  assert.equal(missing.status(), 404);
  assert.match(await page.textContent("h1"), /页面不存在/);
  assert.match(await page.textContent("#signed-in"), /王经办（樟树市工业和信息化局）/);
  await assertFitsPhone(page, "404");
  await page.goto(`${base}/admin/applications`);

  // … opens it, and records the decision with the page's form.
  await Promise.all([page.waitForNavigation(), page.click(`text=${number}`)]);
  assert.equal((await page.textContent("#app-status")).trim(), "办理中");
  await assertFitsPhone(page, "application page");
  await page.screenshot({ path: path.join(shots, "5-application.png"), fullPage: true });
  await page.selectOption("#form-decided select[name=outcome]", "1");
  await Promise.all([page.waitForNavigation(), page.click("#form-decided button[type=submit]")]);
  // A conclusion asks for confirmation first (no JavaScript: a second POST).
  assert.match(await page.textContent("#confirm-summary"), /（一）予以公开/);
  await assertFitsPhone(page, "confirmation");
  await Promise.all([page.waitForNavigation(), page.click("#form-confirm button[type=submit]")]);
  assert.equal((await page.textContent("#app-status")).trim(), "已办结");
  assert.match(await page.textContent("#app-conclusion"), /予以公开/);
  await page.screenshot({ path: path.join(shots, "6-decided.png"), fullPage: true });

  // The public status page follows.
  await page.goto(`${base}/status`);
  await page.fill("#code", code);
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit].primary")]);
  assert.equal((await page.textContent("#status-label")).trim(), "已办结");
  assert.match(await page.textContent("#status-outcome"), /予以公开/);
  console.log(`browser test passed in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
    `screenshots: ${shots}`);
} catch (e) {
  failed = true;
  console.error(`browser test FAILED: ${e.stack || e}\nscreenshots: ${shots}`);
} finally {
  await browser.close();
  await site.stop();
}
process.exit(failed ? 1 : 0);

// No horizontal scrolling at phone width.
async function assertFitsPhone(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `${what}: page is ${width}px wide at a 390px viewport`);
}
