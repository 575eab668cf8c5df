package cn.zhibiao.bulk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;

import cn.zhibiao.system.Json;

/**
 * Step {@code declarations} of one job: a declaration is reviewed (checked, proposed for) and its report stored with
 * the chunk; one that fails is skipped and recorded with a Chinese reason naming the project and its file.
 * Not final: step scope hands the step a CGLIB proxy of it.
 */
class DeclarationItems implements ItemProcessor<BulkStore.Input, DeclarationItems.Reviewed>,
        ItemWriter<DeclarationItems.Reviewed>, SkipListener<BulkStore.Input, DeclarationItems.Reviewed> {

    private static final Logger LOG = LoggerFactory.getLogger(DeclarationItems.class);

    /** An item and its report. */
    record Reviewed(int fileIndex, int declIndex, DeclarationReport report) {
    }

    private final BulkStore store;
    private final Review review;
    private final long job;
    private final boolean improve;

    DeclarationItems(BulkStore store, Review review, long job) {
        this.store = store;
        this.review = review;
        this.job = job;
        this.improve = store.job(job).orElseThrow().improve();
    }

    @Override
    public Reviewed process(BulkStore.Input input) throws ItemFailure {
        try {
            return new Reviewed(input.fileIndex(), input.declIndex(),
                    review.review(input.file(), input.declIndex(), input.declaration(), improve));
        } catch (RuntimeException e) {
            LOG.warn("Bulk job {}: declaration {}/{} failed", job, input.fileIndex(), input.declIndex(), e);
            throw new ItemFailure("“" + input.declaration().projectName() + "”（" + input.file()
                    + "）检查或生成建议时出错，已跳过", e);
        }
    }

    @Override
    public void write(Chunk<? extends Reviewed> chunk) {
        chunk.forEach(r -> store.saveItem(job, r.fileIndex(), r.declIndex(), BulkStore.DONE, r.report().department(),
                Json.mapper().writeValueAsString(r.report()), null));
    }

    @Override
    public void onSkipInProcess(BulkStore.Input input, Throwable t) {
        store.saveItem(job, input.fileIndex(), input.declIndex(), BulkStore.FAILED, input.declaration().department(),
                null, BulkJob.reported(t));
    }
}
