package cn.zhibiao.bulk;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * zhibiao.bulk: where jobs keep their files, how many declarations are processed at once (offline, or waiting on a
 * language model), how fast the model may be called, and how much one chunk commits.
 */
@ConfigurationProperties("zhibiao.bulk")
record BulkProperties(Path dir, int threads, int llmConcurrency, double llmCallsPerSecond, Duration llmWait,
        int chunkSize, int llmChunkSize, int concurrentJobs, Duration progressInterval, DataSize maxUploadSize) {
}
