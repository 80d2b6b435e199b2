// How Chromium starts on these machines: Debian's binary, headless, without
// the sandbox (tests run as root) and without any network of its own.
// Playwright gives each launch a fresh profile.
import { existsSync } from "node:fs";

export function launchOptions() {
  const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: apt-get install chromium`);
  return {
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  };
}
