import { launchExtension } from '../tests/support/extension';
const ext = await launchExtension();
console.log(ext.id, ext.worker.url());
for (const p of ['src/options/index.html', 'src/popup/index.html', 'src/full/index.html']) {
  try { const page = await ext.openPage(p); console.log(p, 'ok', await page.title()); } catch (e) { console.log(p, String(e).split('\n')[0]); }
}
await ext.close();
