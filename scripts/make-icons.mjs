// Renders the app icon (resources/icon.svg, drawn for Qiyue) at the sizes each package needs:
// resources/icons/<N>x<N>.png for Linux (hicolor theme sizes, used by the .deb and AppImage),
// resources/icon.png (512 px) and resources/icon.ico (16–256 px) for the Windows installer and
// executable. Run after changing the drawing: `node scripts/make-icons.mjs`. The outputs are
// committed, so packaging never depends on this script.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import pngToIco from 'png-to-ico';

const root = path.resolve(import.meta.dirname, '..', 'resources');
const svg = fs.readFileSync(path.join(root, 'icon.svg'));
/** hicolor sizes a desktop may ask for; 16–256 also go into the .ico. */
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const render = (size) =>
  sharp(svg, { density: Math.max(72, Math.ceil((72 * size) / 512) * 2) })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();

fs.mkdirSync(path.join(root, 'icons'), { recursive: true });
for (const size of LINUX_SIZES)
  fs.writeFileSync(path.join(root, 'icons', `${size}x${size}.png`), await render(size));
fs.writeFileSync(path.join(root, 'icon.png'), await render(512));
const ico = await pngToIco(await Promise.all(ICO_SIZES.map(render)));
fs.writeFileSync(path.join(root, 'icon.ico'), ico);
console.log(`icons written to ${path.relative(process.cwd(), root)}`);
