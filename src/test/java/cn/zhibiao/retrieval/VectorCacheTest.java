package cn.zhibiao.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VectorCacheTest {

    @Test
    void returnsTheVectorStoredForTheSameText() {
        VectorCache cache = new VectorCache(2);
        float[] vector = {0.6f, 0.8f};
        cache.put("城乡居民医保补助", vector);
        assertThat(cache.get("城乡居民医保补助")).isSameAs(vector);
        assertThat(cache.get("城乡居民医保补助 ")).isNull();
    }

    @Test
    void dropsTheLeastRecentlyUsedWhenFull() {
        VectorCache cache = new VectorCache(2);
        cache.put("a", new float[] {1});
        cache.put("b", new float[] {2});
        cache.get("a");
        cache.put("c", new float[] {3});
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).containsExactly(1);
        assertThat(cache.get("c")).containsExactly(3);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void sizeZeroKeepsNothing() {
        VectorCache cache = new VectorCache(0);
        cache.put("a", new float[] {1});
        assertThat(cache.get("a")).isNull();
    }
}
