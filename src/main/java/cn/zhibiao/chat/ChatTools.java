package cn.zhibiao.chat;

import java.util.List;
import java.util.Optional;

import cn.zhibiao.corpus.InstructionDefinition;
import cn.zhibiao.corpus.InstructionExample;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.proposal.ProjectBrief;
import cn.zhibiao.proposal.ProposedRow;
import cn.zhibiao.rules.Finding;
import cn.zhibiao.rules.RuleView;

/**
 * The engine as the assistant uses it: the same calls serve the offline assistant, the draft-backed endpoint and, as
 * tools, a language model. Calls block (Lucene, ONNX): run them off the event loop.
 */
public interface ChatTools {

    /** Checked rows proposed for a project (offline, or through the model when one is configured). */
    List<ProposedRow> propose(ProjectBrief project);

    /** The rule checker's findings on the draft, per row in row order, then on the declaration as a whole. */
    List<Finding> check(Declaration draft);

    /** A rule as reviewers see it: message, why, fix, basis, examples. */
    Optional<RuleView> rule(String ruleId);

    /** Past declarations like the draft, or like {@code query} when the user names what to look for. */
    List<Precedent> similar(Declaration draft, String query, int k);

    /** Rows of one category from the draft's similar projects that pass the checker without errors or warnings. */
    List<PrecedentRow> compliantRows(Declaration draft, Level2 level2, int k);

    /** The filling instructions' definitions of a term; failing that, the definitions that mention it. */
    List<InstructionDefinition> definitions(String term);

    /** A past declaration by id, to cite a proposal drawn from it. */
    Optional<Declaration> declaration(String id);

    /** A filling-instruction example by id, to cite a proposal drawn from it. */
    Optional<InstructionExample> instructionExample(String id);
}
