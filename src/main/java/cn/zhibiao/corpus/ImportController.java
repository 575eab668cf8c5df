package cn.zhibiao.corpus;

import java.util.List;
import java.util.UUID;

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

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.web.RequestBodies;


/**
 * POST /api/import: a legacy form in, its declarations stored and announced for indexing. Each upload gets a
 * server-generated id that its declarations' sources (and so their ids) carry: no file name or project name a caller
 * chooses can make an upload replace another upload's declarations or the shipped corpus.
 */
@RestController
class ImportController {

    private static final int MAX_NAME_LENGTH = 200;

    private final FormImporter importer;
    private final ImportedDeclarations store;
    private final ApplicationEventPublisher events;
    private final ImportGate gate;
    private final int maxBytes;

    ImportController(CorpusProperties properties, ImportedDeclarations store, ApplicationEventPublisher events,
            ImportGate gate) {
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 8, properties.maxFileSize().toBytes());
        this.importer = new FormImporter(ImportLimits.from(properties));
        this.store = store;
        this.events = events;
        this.gate = gate;
    }

    record ImportedDeclaration(String id, String projectName, String kind, int indicatorCount) {
    }

    record ImportResponse(String file, List<ImportedDeclaration> declarations, List<ImportWarning> warnings) {
    }

    @PostMapping(path = "/api/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ImportResponse> importForm(@RequestPart("file") Mono<FilePart> file) {
        return file.flatMap(part -> gate.run(RequestBodies.bytes(part.content(), maxBytes,
                        "文件“" + fileName(part.filename()) + "”超过大小上限")
                        .publishOn(Schedulers.boundedElastic())
                        .map(bytes -> store(fileName(part.filename()), bytes))))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "请上传文件（字段名 file）")));
    }

    /** The name as shown and stored: no control characters (a NUL cannot be stored as text), bounded length. */
    static String fileName(String raw) {
        String name = raw == null ? "" : raw.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        name = name.length() > MAX_NAME_LENGTH ? name.substring(name.length() - MAX_NAME_LENGTH) : name;
        return name.isEmpty() ? "未命名文件" : name;
    }

    private ImportResponse store(String name, byte[] bytes) {
        ImportedDeclarations.Stored known = store.findUpload(bytes);
        if (known != null) {
            return response(name, known.declarations(), List.of());
        }
        UUID upload = UUID.randomUUID();
        String source = "上传/" + upload.toString().substring(0, 8) + "/" + name;
        ImportResult result;
        try {
            result = importer.read(source, bytes);
        } catch (ImportException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage().replace(source, name));
        }
        ImportedDeclarations.Stored stored = store.save(upload, name, bytes, result.declarations());
        if (stored.upload().equals(upload)) {
            events.publishEvent(new DeclarationsImported(stored.declarations()));
        }
        return response(name, stored.declarations(), result.warnings());
    }

    private static ImportResponse response(String name, List<Declaration> declarations,
            List<ImportWarning> warnings) {
        List<ImportedDeclaration> imported = declarations.stream()
                .map(d -> new ImportedDeclaration(d.id(), d.projectName(), d.kind().name(), d.indicators().size()))
                .toList();
        return new ImportResponse(name, imported, warnings);
    }

}
