package cn.zhibiao.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.stereotype.Component;

/**
 * The directory uploads are spooled to (spring.webflux.multipart.file-storage-directory) is created, and emptied of
 * the parts a killed process left behind, before Boot's multipart codec is set up to use it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadSpool implements CodecCustomizer {

    private static final Logger log = LoggerFactory.getLogger(UploadSpool.class);

    private final Path dir;
    /** Codecs are customised again for every WebClient built later; by then parts in the directory are in use. */
    private final AtomicBoolean prepared = new AtomicBoolean();

    UploadSpool(@Value("${spring.webflux.multipart.file-storage-directory}") Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    @Override
    public void customize(CodecConfigurer configurer) {
        if (prepared.getAndSet(true)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            long removed;
            try (Stream<Path> leftovers = Files.walk(dir)) {
                removed = leftovers.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir))
                        .filter(UploadSpool::delete).count();
            }
            if (removed > 0) {
                log.info("已清理上次未完成上传遗留的 {} 个临时文件（{}）", removed, dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("上传临时目录 " + dir + " 无法准备：" + e.getMessage(), e);
        }
    }

    private static boolean delete(Path p) {
        try {
            return Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("临时文件 {} 未能删除：{}", p, e.getMessage());
            return false;
        }
    }
}
