// Unpacks a zip (the .vsix) into a folder, with yauzl; no system unzip needed.
import { createWriteStream, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import yauzl from 'yauzl';

const [zip, target] = process.argv.slice(2);
yauzl.open(zip, { lazyEntries: true }, (error, file) => {
  if (error) throw error;
  file.on('entry', (entry) => {
    const out = path.join(target, entry.fileName);
    if (!out.startsWith(path.resolve(target))) throw new Error(`unsafe path in zip: ${entry.fileName}`);
    if (entry.fileName.endsWith('/')) {
      mkdirSync(out, { recursive: true });
      file.readEntry();
      return;
    }
    mkdirSync(path.dirname(out), { recursive: true });
    file.openReadStream(entry, (err, stream) => {
      if (err) throw err;
      stream.pipe(createWriteStream(out)).on('finish', () => file.readEntry());
    });
  });
  file.on('end', () => {});
  file.readEntry();
});
