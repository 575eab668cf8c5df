package cn.zhibiao.corpus;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.zhibiao.web.RequestBodies;


/** POST /api/import: a legacy form in, its declarations stored and announced for indexing. */
@RestController
class ImportController {

    private final FormImporter importer;
    private final ImportedDeclarations store;
    private final ApplicationEventPublisher events;
    private final int maxBytes;

    ImportController(CorpusProperties properties, ImportedDeclarations store, ApplicationEventPublisher events) {
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 8, properties.maxFileSize().toBytes());
        this.importer = new FormImporter(ImportLimits.from(properties));
        this.store = store;
        this.events = events;
    }

    record ImportedDeclaration(String id, String projectName, String kind, int indicatorCount) {
    }

    record ImportResponse(String file, List<ImportedDeclaration> declarations, List<ImportWarning> warnings) {
    }

    @PostMapping(path = "/api/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ImportResponse> importForm(@RequestPart("file") Mono<FilePart> file) {
        return file.flatMap(part -> RequestBodies.bytes(part.content(), maxBytes,
                        "文件“" + part.filename() + "”超过大小上限")
                        .publishOn(Schedulers.boundedElastic())
                        .map(bytes -> store(part.filename(), bytes)))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "请上传文件（字段名 file）")));
    }

    private ImportResponse store(String name, byte[] bytes) {
        ImportResult result;
        try {
            result = importer.read(name, bytes);
        } catch (ImportException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        store.save(result.declarations());
        events.publishEvent(new DeclarationsImported(result.declarations()));
        List<ImportedDeclaration> imported = result.declarations().stream()
                .map(d -> new ImportedDeclaration(d.id(), d.projectName(), d.kind().name(), d.indicators().size()))
                .toList();
        return new ImportResponse(name, imported, result.warnings());
    }

}
