package cn.zhibiao.proposal;

import java.util.List;

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
                .map(h -> new SimilarExample(h.declarationId(), h.declaration(), h.similarity()))
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
