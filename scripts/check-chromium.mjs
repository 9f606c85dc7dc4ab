// Fails npm test with one line when the browser tests have no Chromium to run in.
import { existsSync } from 'node:fs';

const path = process.env.BACKSTORY_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(`Chromium not found at ${path}: install it with "sudo apt-get install -y chromium" (or set BACKSTORY_CHROMIUM).`);
  process.exit(1);
}
