package cn.zhibiao.bulk;

import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;

import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.corpus.ImportException;
import cn.zhibiao.indicator.Declaration;

/**
 * Step {@code files} of one job: a file is read into its declarations, which are stored with the chunk; a file that
 * cannot be read is skipped and recorded with the importer's Chinese reason.
 * Not final: step scope hands the step a CGLIB proxy of it.
 */
class FileItems implements ItemProcessor<BulkStore.FileRow, FileItems.ReadFile>, ItemWriter<FileItems.ReadFile>,
        SkipListener<BulkStore.FileRow, FileItems.ReadFile> {

    private static final Logger LOG = LoggerFactory.getLogger(FileItems.class);

    /** A file and the declarations read from it. */
    record ReadFile(int index, List<Declaration> declarations) {
    }

    private final BulkStore store;
    private final FormImporter importer;
    private final long job;
    private final Path dir;

    FileItems(BulkStore store, FormImporter importer, long job) {
        this.store = store;
        this.importer = importer;
        this.job = job;
        this.dir = Path.of(store.job(job).orElseThrow().dir());
    }

    @Override
    public ReadFile process(BulkStore.FileRow file) throws ImportException {
        try {
            byte[] bytes = FormImporter.bytes(dir.resolve(file.path()), importer.limits().maxFileBytes());
            return new ReadFile(file.index(), importer.read(file.name(), bytes).declarations());
        } catch (RuntimeException e) {
            LOG.warn("Bulk job {}: file {} could not be parsed", job, file.index(), e);
            throw new ImportException(file.name(), "文件内容无法识别，已跳过", e);
        }
    }

    @Override
    public void write(Chunk<? extends ReadFile> chunk) {
        chunk.forEach(read -> store.markRead(job, read.index(), read.declarations()));
    }

    @Override
    public void onSkipInProcess(BulkStore.FileRow file, Throwable t) {
        store.markSkipped(job, file.index(), BulkJob.reported(t));
    }
}
