package cn.zhibiao.proposal;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.zhibiao.indicator.Level1;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.retrieval.ProjectQuery;
import cn.zhibiao.retrieval.SimilarProjects;

/** Precedent from the Lucene index: similar declarations, similar rows, and the instruction examples. */
final class RetrievalExampleSource implements ExampleSource {

    private final SimilarProjects projects;

    RetrievalExampleSource(SimilarProjects projects) {
        this.projects = projects;
    }

    @Override
    public List<SimilarExample> similar(ProjectBrief project, int k) {
        ProjectQuery query = new ProjectQuery(project.projectName(), project.overview(), project.department(),
                project.region(), project.year(), project.fundsWanYuan());
        return projects.search(query, k).hits().stream()
                .map(h -> new SimilarExample(h.declarationId(), h.declaration(), h.score()))
                .toList();
    }

    @Override
    public List<SimilarRow> similarRows(ProjectBrief project, Level2 level2, int k) {
        String text = Stream.of(project.projectName(), project.overview(), project.annualGoal())
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(" "));
        if (text.isBlank()) {
            return List.of();
        }
        return projects.similarIndicators(level2.label(), text, k).stream()
                .map(h -> new SimilarRow(h.declarationId(), h.projectName(), h.region(), h.year(), h.indicator(),
                        h.score()))
                .toList();
    }

    @Override
    public List<GuidanceExample> guidance(Level2 level2) {
        return projects.examples(level2.label()).stream()
                .map(e -> new GuidanceExample(e.id(), e.source(), e.topic(), Level1.fromLabel(e.level1()),
                        Level2.fromLabel(e.level2()), e.name(), e.periodValue(), e.annualValue()))
                .toList();
    }
}
