package cn.zhibiao.corpus;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * zhibiao.corpus.import: how many uploads are read at once. Each holds its file and the parsed workbook in memory,
 * so further uploads wait for a slot instead of exhausting the heap, and are refused (503) when none frees in time.
 */
@ConfigurationProperties("zhibiao.corpus.import")
record ImportProperties(int concurrency, Duration queueTimeout) {
}
