// Decodes one uploaded image and writes it back as a square WebP, in a process of its own:
// @napi-rs/canvas crashes the whole process (SIGSEGV) on some truncated PNGs, and a crash here
// must cost one upload, not the server. Plain JS so it needs no loader.
// stdin: the image bytes; argv[2]: the side in pixels; argv[3]: the largest side accepted.
import { createCanvas, loadImage } from '@napi-rs/canvas';

const size = Number(process.argv[2]);
const maxSide = Number(process.argv[3]);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const image = await loadImage(Buffer.concat(chunks)).catch(() => null);
if (!image || !image.width || !image.height) process.exit(3);
if (image.width > maxSide || image.height > maxSide) process.exit(4);
const side = Math.min(image.width, image.height);
const canvas = createCanvas(size, size);
canvas.getContext('2d').drawImage(image, (image.width - side) / 2, (image.height - side) / 2, side, side, 0, 0, size, size);
process.stdout.write(await canvas.encode('webp', 85));
