package cn.zhibiao.indicator;

/** A 项目支出 declaration, or a 部门整体支出 declaration. */
public enum DeclarationKind {
    PROJECT,
    DEPARTMENT
}
