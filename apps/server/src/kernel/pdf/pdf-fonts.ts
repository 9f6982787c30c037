import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** Be Vietnam Pro was drawn for Vietnamese: every stacked diacritic (ệ, Ẫ, ợ) has its own glyph. */
const FONT_FILES = {
  regular: '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
  bold: '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf',
  italic: '@expo-google-fonts/be-vietnam-pro/400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf',
} as const;

export type PdfFontStyle = keyof typeof FONT_FILES;
export type PdfFontBytes = Readonly<Record<PdfFontStyle, Uint8Array>>;

const resolveFromHere = createRequire(import.meta.url).resolve;
let loadingFonts: Promise<PdfFontBytes> | undefined;

async function readFonts(): Promise<PdfFontBytes> {
  const [regular, bold, italic] = await Promise.all(
    [FONT_FILES.regular, FONT_FILES.bold, FONT_FILES.italic].map((file) => readFile(resolveFromHere(file))),
  );
  return { regular: regular!, bold: bold!, italic: italic! };
}

/** Read once per process: the three files weigh ~0.5 MB and never change while it runs. */
export function loadPdfFonts(): Promise<PdfFontBytes> {
  loadingFonts ??= readFonts().catch((error: unknown) => {
    // A failed read is not cached, so the next document tries again.
    loadingFonts = undefined;
    throw error;
  });
  return loadingFonts;
}
