package cn.zhibiao.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes a text export in whatever encoding the office PC wrote it: UTF-8 (with or without BOM), UTF-16 (BOM or
 * the tell-tale zero bytes of mostly-ASCII lines) or GB18030, which also covers GBK and GB2312. A file that decodes
 * under none is refused rather than shown as mojibake.
 */
final class TextDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoder() {
    }

    static Optional<String> decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(bytes, 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE);
        }
        Optional<Charset> utf16 = utf16WithoutBom(bytes);
        if (utf16.isPresent()) {
            return strict(bytes, 0, utf16.get());
        }
        if (hasNul(bytes)) {
            return Optional.empty();
        }
        return strict(bytes, 0, StandardCharsets.UTF_8).or(() -> strict(bytes, 0, GB18030));
    }

    /** Chinese text in UTF-16 still has zero bytes on every ASCII character: tabs, newlines, digits. */
    private static Optional<Charset> utf16WithoutBom(byte[] bytes) {
        int sample = Math.min(bytes.length, 4096) & ~1;
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < sample; i += 2) {
            if (bytes[i] == 0) {
                evenZeros++;
            }
            if (bytes[i + 1] == 0) {
                oddZeros++;
            }
        }
        int pairs = Math.max(sample / 2, 1);
        if (oddZeros * 5 > pairs && evenZeros * 20 < pairs) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        if (evenZeros * 5 > pairs && oddZeros * 20 < pairs) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        return Optional.empty();
    }

    private static Optional<String> strict(byte[] bytes, int offset, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean hasNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** True when the file begins with these bytes (a BOM, or a format's magic number). */
    static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
