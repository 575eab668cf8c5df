package cn.zhibiao.web;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * zhibiao.web: what one request may cost the server.
 *
 * @param maxBodySize     request body limit of any path not in {@code bodySizes}
 * @param bodySizes       request body limit by path (an upload is larger than a JSON request)
 * @param requestTimeout  a request still unanswered after this gets a 503 and its work is cancelled
 */
@ConfigurationProperties("zhibiao.web")
record WebLimits(DataSize maxBodySize, Map<String, DataSize> bodySizes, Duration requestTimeout) {

    WebLimits {
        bodySizes = bodySizes == null ? Map.of() : Map.copyOf(bodySizes);
    }

    long bodyLimit(String path) {
        DataSize size = bodySizes.get(path);
        return (size != null ? size : maxBodySize).toBytes();
    }
}
