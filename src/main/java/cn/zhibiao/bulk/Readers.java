package cn.zhibiao.bulk;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The two readers of a bulk job. Where to resume is not kept in the step's execution context but in the job's own
 * tables, committed in the same transaction as each chunk's results: a file is pending until its declarations are
 * stored, a declaration until its result is. A restarted step therefore reads exactly what no committed chunk covered.
 */
final class Readers {

    /** Declarations fetched per query. */
    private static final int PAGE = 100;

    private Readers() {
    }

    /** The files not yet read (or refused), in upload order. */
    static ItemStreamReader<BulkStore.FileRow> pendingFiles(BulkStore store, long job) {
        return new Paged<>() {
            private boolean loaded;

            @Override
            List<BulkStore.FileRow> next() {
                if (loaded) {
                    return List.of();
                }
                loaded = true;
                return store.pendingFiles(job);
            }
        };
    }

    /** The declarations without a result yet, in item order (file, then declaration index). */
    static ItemStreamReader<BulkStore.Input> openDeclarations(BulkStore store, long job) {
        return new Paged<>() {
            private BulkStore.Input last;

            @Override
            List<BulkStore.Input> next() {
                List<BulkStore.Input> page = last == null ? store.openInputs(job, -1, -1, PAGE)
                        : store.openInputs(job, last.fileIndex(), last.declIndex(), PAGE);
                if (!page.isEmpty()) {
                    last = page.getLast();
                }
                return page;
            }
        };
    }

    private abstract static class Paged<T> implements ItemStreamReader<T> {

        private final Deque<T> buffer = new ArrayDeque<>();
        private boolean exhausted;

        abstract List<T> next();

        @Override
        public synchronized T read() {
            if (buffer.isEmpty() && !exhausted) {
                List<T> page = next();
                exhausted = page.isEmpty();
                buffer.addAll(page);
            }
            return buffer.poll();
        }

        @Override
        public void open(ExecutionContext context) {
            buffer.clear();
            exhausted = false;
        }
    }
}
