import { describe, expect, it } from 'vitest';
import type { NetworkInterfaceInfo } from 'node:os';
import { chooseBaseUrl, isLoopback, lanAddresses } from '../../server/src/http/baseUrl';
import { participantPath } from '@semis/shared';

const wild = { listenHost: '0.0.0.0', port: 3000 };

describe('chooseBaseUrl: the address put in join links and QR codes', () => {
  it('PUBLIC_URL wins over everything', () => {
    expect(chooseBaseUrl({ ...wild, publicUrl: 'https://semis.example.org/', host: 'localhost:3000', lan: ['192.168.1.20'] })).toEqual({ url: 'https://semis.example.org', reach: 'public' });
  });

  it('a facilitator on localhost gets the LAN address, never localhost', () => {
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'localhost', undefined]) {
      const b = chooseBaseUrl({ ...wild, protocol: 'http', host, lan: ['192.168.1.20', '10.0.0.5'] });
      expect(b).toEqual({ url: 'http://192.168.1.20:3000', reach: 'lan' });
      expect(b.url).not.toMatch(/localhost|127\.0\.0\.1|::1/);
    }
  });

  it('the LAN port is the server’s own, not a dev proxy’s', () => {
    expect(chooseBaseUrl({ ...wild, host: 'localhost:5173', lan: ['192.168.1.20'] }).url).toBe('http://192.168.1.20:3000');
  });

  it('a facilitator who reached us by a LAN name or address keeps it (with its protocol)', () => {
    expect(chooseBaseUrl({ ...wild, protocol: 'http', host: '192.168.1.20:3000', lan: ['10.0.0.5'] })).toEqual({ url: 'http://192.168.1.20:3000', reach: 'lan' });
    expect(chooseBaseUrl({ ...wild, protocol: 'https', host: 'semis.mairie.fr', lan: [] })).toEqual({ url: 'https://semis.mairie.fr', reach: 'lan' });
  });

  it('only loopback: says so', () => {
    expect(chooseBaseUrl({ ...wild, host: 'localhost:3000', lan: [] })).toEqual({ url: 'http://localhost:3000', reach: 'loopback' });
    expect(chooseBaseUrl({ ...wild, lan: [] })).toEqual({ url: 'http://127.0.0.1:3000', reach: 'loopback' });
  });

  it('a server bound to loopback cannot be reached from the LAN, so it does not pretend', () => {
    expect(chooseBaseUrl({ listenHost: '127.0.0.1', port: 4000, host: '127.0.0.1:4000', lan: ['192.168.1.20'] })).toEqual({ url: 'http://127.0.0.1:4000', reach: 'loopback' });
  });

  it('a server bound to one LAN address uses that one', () => {
    expect(chooseBaseUrl({ listenHost: '10.0.0.5', port: 4000, host: 'localhost:4000', lan: ['192.168.1.20', '10.0.0.5'] }).url).toBe('http://10.0.0.5:4000');
  });

  it('a forged Host header is not copied into links', () => {
    const b = chooseBaseUrl({ ...wild, host: 'evil.org/"><script>', lan: ['192.168.1.20'] });
    expect(b.url).toBe('http://192.168.1.20:3000');
  });
});

describe('lanAddresses', () => {
  const nic = (address: string, internal = false, family: 'IPv4' | 'IPv6' = 'IPv4') => ({ address, internal, family, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;

  it('keeps non-internal IPv4, venue ranges first, container bridges last', () => {
    expect(
      lanAddresses({
        lo: [nic('127.0.0.1', true), nic('::1', true, 'IPv6')],
        docker0: [nic('172.17.0.1')],
        eth0: [nic('203.0.113.4'), nic('fe80::1', false, 'IPv6')],
        wlan0: [nic('192.168.1.20')],
        eth1: [nic('169.254.3.3')],
      }),
    ).toEqual(['192.168.1.20', '203.0.113.4', '172.17.0.1']);
  });

  it('none on a machine with only loopback', () => {
    expect(lanAddresses({ lo: [nic('127.0.0.1', true)] })).toEqual([]);
  });

  it('isLoopback', () => {
    for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', 'app.localhost']) expect(isLoopback(h)).toBe(true);
    for (const h of ['192.168.1.2', 'semis.fr', 'localhost.example.org']) expect(isLoopback(h)).toBe(false);
  });
});

describe('participantPath', () => {
  it('the event link and the per-atelier link', () => {
    expect(participantPath('DKYART')).toBe('/j/DKYART');
    expect(participantPath('DKYART', '1b4e28ba-2fa1-11d2-883f-0016d3cca427')).toBe('/j/DKYART/1b4e28ba-2fa1-11d2-883f-0016d3cca427');
  });
});
