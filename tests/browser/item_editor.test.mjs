// Headless Chromium at phone width with JavaScript on: an editor opens the item editor, the
// rich-text area replaces the textarea, she types two paragraphs (the second with bold text from
// the toolbar) and saves; the stored body is HTML with both paragraphs. Then with JavaScript off
// the same form is a plain textarea and saves too.
import { chromium } from "playwright-core";
import path from "node:path";
import assert from "node:assert/strict";
import { browserPath, clerkPassword, startSite } from "./harness.mjs";

const site = await startSite("gongkai-editor-");
const { base, shots } = site;
const browser = await chromium.launch({ executablePath: browserPath, args: ["--no-sandbox"] });
let failed = false;

async function signIn(page) {
  await page.goto(`${base}/login`);
  await page.fill("#username", "editor");
  await page.fill("#password", clerkPassword);
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
}

async function fitsPhone(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `${what}: ${width}px wide at a 390px viewport`);
}

try {
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN" };
  const context = await browser.newContext({ ...phone, javaScriptEnabled: true });
  const page = await context.newPage();
  await signIn(page);
  await page.goto(`${base}/admin/catalog?agency=2`);
  await fitsPhone(page, "column tree");
  await page.screenshot({ path: path.join(shots, "editor-1-tree.png"), fullPage: true });
  await Promise.all([page.waitForNavigation(),
    page.click("#tree li:has(> span.col-name a:text-is('工作动态')) > a:text-is('新建信息')")]);
  assert.equal(await page.isVisible("#rte"), true, "the rich-text area is shown");
  assert.equal(await page.isVisible("#body"), false, "the textarea is hidden");
  await page.fill("#title", "市工信局召开企业座谈会");
  await page.click("#rte");
  await page.keyboard.type("第一段");
  await page.keyboard.press("Enter");
  await page.click("#rte-toolbar button[data-cmd=bold]");
  await page.keyboard.type("加粗");
  await page.click("#rte-toolbar button[data-cmd=bold]");
  await page.keyboard.type("普通");
  const html = await page.innerHTML("#rte");
  assert.match(html, /<b>加粗<\/b>|<strong>加粗<\/strong>/, `toolbar bold: ${html}`);
  await fitsPhone(page, "editor");
  await page.screenshot({ path: path.join(shots, "editor-2-form.png"), fullPage: true });
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit].primary")]);
  assert.match(page.url(), /\/admin\/items\/1\?saved=1$/);
  // Stored as HTML with its paragraphs (the sanitiser decides which markup is kept).
  const body = await page.innerHTML("#body");
  assert.match(body, /<p>第一段<\/p><p>(<b>|<strong>)?加粗(<\/b>|<\/strong>)?普通<\/p>/, body);
  await fitsPhone(page, "item page");
  await page.screenshot({ path: path.join(shots, "editor-3-item.png"), fullPage: true });

  const plain = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const p2 = await plain.newPage();
  await signIn(p2);
  await p2.goto(`${base}/admin/items/1/edit`);
  assert.equal(await p2.isVisible("#body"), true, "without JavaScript the textarea is there");
  assert.equal(await p2.isVisible("#rte"), false);
  await p2.selectOption("#body_format", "text");
  await p2.fill("#body", "改写的第一段\n\n改写的第二段\n第三行");
  await p2.fill("#note", "不用脚本改写");
  await Promise.all([p2.waitForNavigation(), p2.click("button[type=submit].primary")]);
  // A blank line starts a paragraph; a single line break stays a line break.
  assert.equal(await p2.innerHTML("#body"), "<p>改写的第一段</p>\n<p>改写的第二段<br>第三行</p>");
  assert.match(await p2.textContent("#history"), /不用脚本改写/);
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await browser.close();
  await site.stop();
}
if (failed) process.exit(1);
console.log("item_editor: ok");
