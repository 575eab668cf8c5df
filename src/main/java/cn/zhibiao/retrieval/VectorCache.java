package cn.zhibiao.retrieval;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Embeddings already computed, by the SHA-256 of the text they were computed from, least recently used dropped first.
 * The key is a 128-bit prefix of the hash rather than the text: a pasted overview can be thousands of characters, and
 * a collision at 2^-64 odds is not a concern for a cache. A size of 0 turns the cache off.
 */
final class VectorCache {

    private record Key(long high, long low) {
    }

    private final int capacity;
    private final Map<Key, float[]> entries;

    VectorCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, float[]> eldest) {
                return size() > VectorCache.this.capacity;
            }
        };
    }

    /** The cached vector of {@code text}, or null. */
    float[] get(String text) {
        if (capacity == 0) {
            return null;
        }
        Key key = key(text);
        synchronized (entries) {
            return entries.get(key);
        }
    }

    void put(String text, float[] vector) {
        if (capacity == 0) {
            return;
        }
        Key key = key(text);
        synchronized (entries) {
            entries.put(key, vector);
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private static Key key(String text) {
        try {
            ByteBuffer hash = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
            return new Key(hash.getLong(), hash.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
