import type { Context } from 'hono';

/**
 * The viewer's IP from CloudFront's `CloudFront-Viewer-Address` header, which CloudFront sets
 * itself as `ip:port`: `203.0.113.7:52311` for IPv4, `2001:db8::1:52311` for IPv6 (the address
 * is not bracketed, so the port is what follows the last colon). Anything else gives undefined.
 */
export function viewerIpFrom(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const at = header.lastIndexOf(':');
  if (at <= 0 || !/^\d{1,5}$/.test(header.slice(at + 1))) return undefined;
  const ip = header.slice(0, at).trim();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return ip.split('.').every((n) => Number(n) <= 255) ? ip : undefined;
  if (ip.includes(':') && /^[0-9a-f:.]+$/i.test(ip)) return ip.toLowerCase();
  return undefined;
}

/**
 * The client IP for the per-IP limits in the cloud: the viewer's, as CloudFront saw it. API
 * Gateway's `sourceIp` is the CloudFront edge's (one attacker would lock out everyone behind that
 * edge), and X-Forwarded-For's first hop is whatever the client wrote. The origin-verify check
 * runs first, so only CloudFront can have set this header.
 */
export function cloudClientIp(c: Context): string | undefined {
  return viewerIpFrom(c.req.header('cloudfront-viewer-address'));
}
