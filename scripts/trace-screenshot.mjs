// Drives a headless Chromium over the DevTools protocol: opens URL, presses "n" NEXT times (speedscope's "next
// thread"), waits, and writes a PNG screenshot. Node 20 needs --experimental-websocket for the global WebSocket.
//   node --experimental-websocket scripts/trace-screenshot.mjs DEVTOOLS_PORT URL NEXT OUT.png WIDTH HEIGHT
import { writeFileSync } from 'node:fs';

const [port, url, next, out, width, height] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const target = await (await fetch(`http://127.0.0.1:${port}/json/new?about:blank`, { method: 'PUT' })).json();
const ws = new WebSocket(target.webSocketDebuggerUrl);
await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
let id = 0;
const pending = new Map();
ws.onmessage = (m) => {
  const msg = JSON.parse(m.data);
  if (msg.id && pending.has(msg.id)) {
    pending.get(msg.id)(msg);
    pending.delete(msg.id);
  }
};
const send = (method, params = {}) => new Promise((resolve) => {
  const n = ++id;
  pending.set(n, resolve);
  ws.send(JSON.stringify({ id: n, method, params }));
});

await send('Emulation.setDeviceMetricsOverride', { width: +width, height: +height, deviceScaleFactor: 1, mobile: false });
await send('Page.enable');
await send('Page.navigate', { url });
await sleep(4000);
for (let i = 0; i < +next; i++) {
  for (const type of ['keyDown', 'keyUp']) {
    await send('Input.dispatchKeyEvent', { type, key: 'n', code: 'KeyN', text: type === 'keyDown' ? 'n' : undefined, windowsVirtualKeyCode: 78 });
  }
  await sleep(300);
}
await sleep(1500);
const shot = await send('Page.captureScreenshot', { format: 'png' });
if (!shot.result) {
  console.error(JSON.stringify(shot));
  process.exit(1);
}
writeFileSync(out, Buffer.from(shot.result.data, 'base64'));
ws.close();
