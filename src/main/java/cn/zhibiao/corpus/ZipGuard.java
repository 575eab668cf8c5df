package cn.zhibiao.corpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Walks a .docx/.xlsx package once, inflating into a small buffer, before POI opens it: too many entries, too much
 * unpacked data or an entry that inflates far beyond its compressed size (a zip bomb) refuse the file, and so does an
 * XML part with a document type declaration (external entities, entity-expansion bombs), which Office never writes.
 */
final class ZipGuard {

    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER = 64 * 1024;

    private ZipGuard() {
    }

    /** POI's own checks, as a second line behind this one: the same ratio, and entries no larger than the total. */
    static void configurePoi(ImportLimits limits) {
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxUnpackedBytes());
    }

    /** Receives each entry of an archive as it is unpacked, after the entry has passed every check. */
    interface EntrySink {
        void accept(String entryName, byte[] content) throws IOException;
    }

    /** The names of the package's entries, once the package has passed every check. */
    static Set<String> check(String name, byte[] bytes, ImportLimits limits) throws ImportException {
        return walk(name, bytes, limits, StandardCharsets.UTF_8, null);
    }

    /**
     * Unpacks a .zip of forms under the same limits, handing each file entry to {@code sink}. Names are read as
     * GB18030 unless the entry is flagged UTF-8: zips made on Chinese Windows carry GBK names.
     */
    static void unpack(String name, byte[] bytes, ImportLimits limits, EntrySink sink) throws ImportException {
        walk(name, bytes, limits, Charset.forName("GB18030"), sink);
    }

    private static Set<String> walk(String name, byte[] bytes, ImportLimits limits, Charset nameCharset, EntrySink sink)
            throws ImportException {
        Set<String> names = new LinkedHashSet<>();
        long total = 0;
        byte[] buffer = new byte[BUFFER];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), nameCharset)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (names.size() >= limits.maxZipEntries()) {
                    throw new ImportException(name, "压缩包内的文件超过 " + limits.maxZipEntries() + " 个，疑为恶意文件，已拒绝");
                }
                names.add(entry.getName());
                boolean xml = entry.getName().toLowerCase(Locale.ROOT).matches(".*\\.(xml|rels)");
                long entrySize = 0;
                byte[] tail = new byte[0];
                ByteArrayOutputStream content = sink == null || entry.isDirectory() ? null : new ByteArrayOutputStream();
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    entrySize += n;
                    total += n;
                    if (content != null && total <= limits.maxUnpackedBytes()) {
                        content.write(buffer, 0, n);
                    }
                    if (total > limits.maxUnpackedBytes()) {
                        throw new ImportException(name, "解压后超过 " + megabytes(limits.maxUnpackedBytes())
                                + "（zhibiao.corpus.max-unpacked-size），疑为压缩炸弹，已拒绝");
                    }
                    if (xml) {
                        tail = scanForDoctype(name, tail, buffer, n);
                    }
                }
                long compressed = entry.getCompressedSize();
                if (compressed > 0 && entrySize > BUFFER
                        && (double) compressed / entrySize < limits.minInflateRatio()) {
                    throw new ImportException(name, "文件“" + entry.getName() + "”的压缩比异常（" + entrySize / compressed
                            + " 倍），疑为压缩炸弹，已拒绝");
                }
                if (content != null) {
                    sink.accept(entry.getName(), content.toByteArray());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ImportException(name, "文件不完整或已损坏（可能在下载或复制时被截断），无法打开", e);
        }
        if (names.isEmpty()) {
            throw new ImportException(name, "文件不完整或已损坏（压缩包中没有内容），无法打开");
        }
        return names;
    }

    /** Looks for "<!DOCTYPE" in the chunk, carrying the end of the last chunk over so a split marker is seen. */
    private static byte[] scanForDoctype(String name, byte[] tail, byte[] buffer, int n) throws ImportException {
        byte[] window = new byte[tail.length + n];
        System.arraycopy(tail, 0, window, 0, tail.length);
        System.arraycopy(buffer, 0, window, tail.length, n);
        for (int i = 0; i + DOCTYPE.length <= window.length; i++) {
            if (window[i] == '<' && matches(window, i)) {
                throw new ImportException(name, "文件含有文档类型声明（DOCTYPE/外部实体），Office 不会生成这种内容，出于安全原因已拒绝");
            }
        }
        int keep = Math.min(DOCTYPE.length - 1, window.length);
        byte[] next = new byte[keep];
        System.arraycopy(window, window.length - keep, next, 0, keep);
        return next;
    }

    private static boolean matches(byte[] window, int at) {
        for (int k = 0; k < DOCTYPE.length; k++) {
            if (window[at + k] != DOCTYPE[k]) {
                return false;
            }
        }
        return true;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
