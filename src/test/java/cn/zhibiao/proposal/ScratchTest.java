package cn.zhibiao.proposal;
import org.junit.jupiter.api.Test;
import cn.zhibiao.system.Json;
class ScratchTest {
    @Test void print() {
        CorpusExamples c = CorpusExamples.load();
        for (var d : c.declarations()) {
            if (!java.util.Set.of("城乡居民医疗保险区级财政补助资金","城乡困难群众参加补充医疗保险","区委会议经费","义务兵家庭优待金","城乡居民医保补助").contains(d.projectName())) continue;
            var p = new OfflineProposer(c.without(d), new SimpleRowChecker(), 5).propose(ProjectBrief.of(d,false));
            System.out.println("== " + d.projectName()+" "+d.fundsWanYuan());
            for (var r : p.rows()) System.out.println("  "+r.level2().label()+" | "+r.name()+" | "+r.value()+" | "+r.rationale()+" "+r.sources());
        }
    }
}
