// Where Firefox lives: $FIREFOX_PATH, then Debian's firefox-esr, then firefox.
import {accessSync, constants} from 'node:fs';

export function findFirefox() {
  for (const path of [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr']) {
    if (!path) continue;
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      /* next */
    }
  }
  return undefined;
}
