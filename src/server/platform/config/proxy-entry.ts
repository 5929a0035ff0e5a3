// TRUSTED_PROXIES' entries, read where the setting is validated (env.ts) and where requests are
// matched against it (platform/web/forwarded.ts).
import { isIP } from 'node:net';

/** An address or a CIDR block (`10.0.0.0/8`, `fd00::/8`), as TRUSTED_PROXIES lists them; null when it is neither. */
export function parseProxyEntry(
  entry: string,
): { readonly address: string; readonly prefix: number | null; readonly family: 'ipv4' | 'ipv6' } | null {
  const [address = '', prefixText, ...rest] = entry.trim().split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return null;
  const max = version === 4 ? 32 : 128;
  if (prefixText === undefined) return { address, prefix: null, family: version === 4 ? 'ipv4' : 'ipv6' };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return null;
  return { address, prefix: Number(prefixText), family: version === 4 ? 'ipv4' : 'ipv6' };
}
