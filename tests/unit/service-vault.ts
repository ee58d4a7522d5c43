// A vault opened straight from the vault module, with no backend and no sign-in: for tests of one
// module (audit log, placement services) that build what they need inside the test, cheaply.
import { afterAll } from 'vitest';
import { createVault, type OpenVault } from '../../electron/backend/vault/vault';
import { ADMIN, FAST_KDF, tempFolder } from './helpers';

const opened: OpenVault[] = [];
afterAll(() => {
  for (const vault of opened.splice(0)) vault.close();
});

export async function openServiceVault(): Promise<OpenVault> {
  const { vault } = await createVault({
    folder: tempFolder(),
    adminUsername: ADMIN.username,
    adminPassword: ADMIN.password,
    kdf: FAST_KDF,
    context: () => ({ userId: null, deviceId: 'test' }),
    seed: () => undefined,
  });
  opened.push(vault);
  return vault;
}
