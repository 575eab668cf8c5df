package cn.zhibiao.corpus;

/** A numbered definition from a 编报说明, e.g. term 时效指标 with "反映支出方向计划提供产品或服务的及时程度…". */
public record InstructionDefinition(String id, String source, String term, String definition) {
}
