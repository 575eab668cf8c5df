#!/usr/bin/env python3
"""Legacy text forms that the Java importer and bench/reference_check.py both read completely (issue 15, item 4).

The seed exports in corpus/declarations/raw use layouts the naive reference does not follow (one column per 二级指标,
审核表 exports without merged cells, 部门整体 forms), so over them it reads about a third of the rows the importer
reads. This renders declarations (JSON, as `parse` writes them) into the plain row-per-line layout both understand:
the form's fields, then 一级/二级/三级/指标值 with merged 一级 and 二级 cells left empty, as Word and Excel export them.

Usage: python3 bench/text_forms.py OUT_DIR COPIES DECLARATIONS.json...
"""
import json
import os
import sys


def cell(text):
    """One line per row: tabs and line breaks inside a cell would start another cell or row."""
    return " ".join(str(text or "").split())


def form(d):
    lines = ["项目支出绩效目标申报表", "",
             "\t".join(["项目名称", cell(d.get("projectName")), "主管部门", cell(d.get("department"))]),
             "\t".join(["年度", cell(d.get("year")), "年度资金总额（万元）", cell(d.get("fundsWanYuan"))]),
             "\t".join(["年度绩效目标", cell(d.get("annualGoal") or d.get("periodGoal") or d.get("overview"))]),
             "\t".join(["一级指标", "二级指标", "三级指标", "指标值"])]
    level1 = level2 = None
    for row in d["indicators"]:
        l1, l2 = row.get("level1") or "", row.get("level2") or ""
        lines.append("\t".join([l1 if l1 != level1 else "", l2 if (l1, l2) != (level1, level2) else "",
                                cell(row.get("name")), cell(row.get("value"))]))
        level1, level2 = l1, l2
    return "\n".join(lines) + "\n"


def main(out, copies, sources):
    os.makedirs(out, exist_ok=True)
    declarations = [d for s in sources for d in json.load(open(s, encoding="utf-8")) if d.get("indicators")]
    for i, d in enumerate(declarations):
        text = form(d)
        for c in range(copies):
            with open(os.path.join(out, f"form_{i:03d}_{c}.txt"), "w", encoding="utf-8") as f:
                f.write(text)
    print(len(declarations) * copies)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3:])
