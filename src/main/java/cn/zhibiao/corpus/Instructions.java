package cn.zhibiao.corpus;

import java.util.List;

/** What the filling instructions say: definitions of the indicator levels and their worked examples. */
public record Instructions(List<InstructionDefinition> definitions, List<InstructionExample> examples) {

    public Instructions {
        definitions = List.copyOf(definitions);
        examples = List.copyOf(examples);
    }
}
