import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { cloudClientIp, viewerIpFrom } from './viewer-address.js';

describe('the client IP from CloudFront-Viewer-Address', () => {
  it('reads the IPv4 and IPv6 ip:port forms CloudFront sends', () => {
    expect(viewerIpFrom('203.0.113.7:52311')).toBe('203.0.113.7');
    expect(viewerIpFrom('2001:db8::1:52311')).toBe('2001:db8::1');
    expect(viewerIpFrom('2001:DB8:0:0:0:0:0:7:443')).toBe('2001:db8:0:0:0:0:0:7');
    expect(viewerIpFrom('::ffff:198.51.100.4:8080')).toBe('::ffff:198.51.100.4');
  });

  it('gives nothing for a missing or malformed value', () => {
    for (const bad of [
      undefined,
      '',
      '203.0.113.7',
      '203.0.113.7:',
      ':443',
      '999.0.0.1:443',
      'example.com:443',
      '203.0.113.7:port',
      '<script>:1',
    ])
      expect(viewerIpFrom(bad)).toBeUndefined();
  });

  it('takes the header from the request, never X-Forwarded-For', async () => {
    const app = new Hono();
    app.get('/', (c) => c.text(cloudClientIp(c) ?? 'none'));
    const ip = async (headers: Record<string, string>) => (await app.request('/', { headers })).text();
    expect(await ip({ 'CloudFront-Viewer-Address': '198.51.100.23:61000', 'X-Forwarded-For': '10.0.0.1' })).toBe('198.51.100.23');
    expect(await ip({ 'X-Forwarded-For': '10.0.0.1' })).toBe('none');
  });
});
