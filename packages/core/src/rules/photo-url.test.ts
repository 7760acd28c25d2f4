import { describe, expect, it } from 'vitest';
import { photoUrlAllowed } from './photo-url.js';

const hosts = ['photos.contoso.example', 'xn--bcher-kva.example'];

describe('photoUrlAllowed', () => {
  it('allows an https photo on a listed host, in any case and on any port', () => {
    expect(photoUrlAllowed('https://photos.contoso.example/giulia.jpg', hosts)).toBe(true);
    expect(photoUrlAllowed('https://Photos.Contoso.Example:8443/giulia.jpg?size=96', hosts)).toBe(true);
    expect(photoUrlAllowed('https://bücher.example/a.png', hosts)).toBe(true);
  });

  it('refuses http, even from a listed host: whoever is on the way could watch or swap it', () => {
    expect(photoUrlAllowed('http://photos.contoso.example/giulia.jpg', hosts)).toBe(false);
  });

  it('matches hosts exactly: no subdomain, parent or look-alike of a listed host', () => {
    for (const url of [
      'https://cdn.photos.contoso.example/a.jpg',
      'https://contoso.example/a.jpg',
      'https://photos.contoso.example.tracker.example/a.jpg',
      'https://photos.contoso.example@tracker.example/a.jpg',
      'https://photos.contoso.example./a.jpg',
    ]) {
      expect(photoUrlAllowed(url, hosts), url).toBe(false);
    }
  });

  it('allows nothing when the organisation lists no host, and refuses what is not a URL', () => {
    expect(photoUrlAllowed('https://photos.contoso.example/giulia.jpg', [])).toBe(false);
    expect(photoUrlAllowed('photos.contoso.example/giulia.jpg', hosts)).toBe(false);
  });
});
