// A device named in words from a session's user agent and IP address, for the demo's
// sessions list: "Chrome on Linux · 127.0.0.1" instead of the raw user-agent string.

const BROWSERS = [
  [/Edg(e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/HeadlessChrome\//, "Chrome (headless)"],
  [/Chrome\/|CriOS\//, "Chrome"],
  [/Version\/[\d.]+.*Safari\//, "Safari"],
  [/^node$|node-fetch|undici/i, "Node.js"],
  [/curl\//, "curl"],
];

const SYSTEMS = [
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/CrOS/, "ChromeOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux/, "Linux"],
];

const first = (table, text) => table.find(([pattern]) => pattern.test(text))?.[1];

/** "Browser on System · IP", each part left out when unknown; "Unknown device" at worst. */
export function deviceName(userAgent, ipAddress) {
  const agent = userAgent ?? "";
  const browser = first(BROWSERS, agent);
  const system = first(SYSTEMS, agent);
  const device = browser && system ? `${browser} on ${system}` : browser ?? system ?? "Unknown device";
  return ipAddress ? `${device} · ${ipAddress}` : device;
}
