// "Firefox on Windows": enough to recognise one's own devices in settings.
export function describeUserAgent(ua: string, words: { unknownBrowser: string; browserOn: (browser: string, os: string) => string }): string {
  if (!ua) return words.unknownBrowser;
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrom(e|ium)\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : /curl|wget|node|undici|lightMyRequest/i.test(ua) ? "Script" : "Browser";
  const os = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Windows/.test(ua) ? "Windows" : /Mac OS X|Macintosh/.test(ua) ? "macOS" : /Linux/.test(ua) ? "Linux" : "";
  return os ? words.browserOn(browser, os) : browser;
}
