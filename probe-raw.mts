import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
const key = randomBytes(32), mac = randomBytes(64), page = randomBytes(4016);
const N = 20000; let t = process.hrtime.bigint();
for (let i = 0; i < N; i++) { const iv = randomBytes(16); const c = createCipheriv('aes-256-cbc', key, iv); c.setAutoPadding(false); const out = Buffer.concat([c.update(page.subarray(0, 4000)), c.final()]); createHmac('sha512', mac).update(out).update(iv).digest(); }
console.log('per page µs', Number(process.hrtime.bigint() - t) / N / 1000);
