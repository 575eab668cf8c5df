package cn.zhibiao.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.zhibiao.system.Json;

/**
 * The index survives a restart unchanged, one of a changed corpus is rebuilt, and a damaged or missing one is rebuilt
 * from the corpus instead of failing.
 */
class PersistenceTest {

    private static final List<ProjectQuery> QUERIES = List.of(
            ProjectQuery.text("城乡居民医保区级财政补助"),
            ProjectQuery.text("区委会议服务经费"),
            ProjectQuery.text("就业创业补贴"),
            ProjectQuery.text("，。！？"));

    @TempDir
    Path dir;

    @Test
    void resultsAreIdenticalAfterReopeningTheIndex() throws Exception {
        RetrievalSettings settings = TestIndexes.settings(dir);
        String before;
        try (SimilarProjects projects = SimilarProjects.open(settings)) {
            before = answers(projects);
        }
        long modified = Files.getLastModifiedTime(settings.indexDir()).toMillis();
        try (SimilarProjects reopened = SimilarProjects.open(settings)) {
            assertThat(answers(reopened)).isEqualTo(before);
        }
        assertThat(Files.getLastModifiedTime(settings.indexDir()).toMillis())
                .as("reopening must not rebuild").isEqualTo(modified);
    }

    @Test
    void changedCorpusIsReindexedAtTheNextOpen() throws Exception {
        RetrievalSettings settings = TestIndexes.settings(dir);
        Path removed;
        String name;
        try (Stream<Path> seeds = Files.list(settings.corpusDir().resolve("declarations"))) {
            removed = seeds.sorted().findFirst().orElseThrow();
        }
        name = Json.mapper().readTree(removed.toFile()).get(0).get("projectName").asString();
        try (SimilarProjects projects = SimilarProjects.open(settings)) {
            assertThat(projectNames(projects, name)).contains(name);
        }
        Files.delete(removed);
        try (SimilarProjects reopened = SimilarProjects.open(settings)) {
            assertThat(projectNames(reopened, name)).doesNotContain(name);
        }
    }

    @Test
    void corruptedIndexIsRebuiltFromTheCorpus() throws Exception {
        RetrievalSettings settings = TestIndexes.settings(dir);
        String before;
        try (SimilarProjects projects = SimilarProjects.open(settings)) {
            before = answers(projects);
        }
        try (Stream<Path> files = Files.list(settings.indexDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (int i = 0; i < bytes.length; i += 7) {
                    bytes[i] ^= 0x5A;
                }
                Files.write(file, bytes);
            }
        }
        try (SimilarProjects rebuilt = SimilarProjects.open(settings)) {
            assertThat(answers(rebuilt)).isEqualTo(before);
        }
    }

    @Test
    void missingIndexDirectoryIsBuiltFromTheCorpus() throws Exception {
        RetrievalSettings settings = TestIndexes.settings(dir).withIndexDir(dir.resolve("not/yet/there"));
        try (SimilarProjects projects = SimilarProjects.open(settings)) {
            assertThat(projects.search(QUERIES.get(0), 3).hits()).isNotEmpty();
        }
    }

    @Test
    void truncatedIndexFilesAreRebuiltFromTheCorpus() throws Exception {
        RetrievalSettings settings = TestIndexes.settings(dir);
        try (SimilarProjects projects = SimilarProjects.open(settings)) {
            assertThat(projects.search(QUERIES.get(0), 3).hits()).isNotEmpty();
        }
        try (Stream<Path> files = Files.list(settings.indexDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.write(file, new byte[0]);
            }
        }
        try (SimilarProjects rebuilt = SimilarProjects.open(settings)) {
            assertThat(rebuilt.search(QUERIES.get(0), 3).hits()).isNotEmpty();
        }
    }

    @Test
    void anIndexInUseByAnotherWriterIsRefusedNotRebuilt() throws Exception {
        RetrievalSettings settings = TestIndexes.settings(dir);
        try (SimilarProjects running = SimilarProjects.open(settings)) {
            assertThatThrownBy(() -> SimilarProjects.open(settings))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("正被另一个进程使用");
            assertThat(running.search(QUERIES.get(0), 3).hits()).isNotEmpty();
        }
    }

    private static List<String> projectNames(SimilarProjects projects, String query) {
        return projects.search(ProjectQuery.text(query), 5).hits().stream().map(Hit::projectName).toList();
    }

    private static String answers(SimilarProjects projects) throws IOException {
        return Json.mapper().writeValueAsString(QUERIES.stream().map(q -> projects.search(q, 5)).toList());
    }
}
