#!/usr/bin/env python3
"""Naive reference for the checker-throughput benchmark (issue 15, item 4).

What a finance bureau's analyst would write in an afternoon: one thread, each legacy text form read whole, indicator
rows found by their 二级指标 cell (the next two cells are the name and the value), and the catalogue's rules that a
regular expression can express applied to each row; a few declaration rules (coverage, duplicates) per file. No
table layouts, no value parser, no span or message building: it is the lower bound that `check` must beat by 2x.

Usage: python3 bench/reference_check.py FILE...   (prints one JSON summary line: files, indicators, findings, seconds)
"""
import json
import re
import sys
import time

SATISFACTION = {"服务对象满意度指标", "满意度指标", "服务对象满意度"}
OUTPUT = {"数量指标", "质量指标", "时效指标", "成本指标"}
BENEFIT = {"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"}
COST = {"成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标"}
LEVEL2 = SATISFACTION | OUTPUT | BENEFIT | COST

PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
NUMBER = re.compile(r"\d")
MONEY = re.compile(r"\d[\d.,]*\s*(?:亿|万)?元")
DEADLINE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月|\d+\s*(?:日|天|个工作日|小时)|(?:年底|年末|季末|月底)前|之前|以内|内完成")
FREQUENCY = re.compile(r"^(?:每[年季月周日]|按[年季月])\S{0,6}$")
TEMPLATE = re.compile(r"\*\*|×××|xxx|XXX|^指标\d+[:：]?$")
NOT_APPLICABLE = re.compile(r"^(?:无|不涉及|/|／|—|-)$|不涉及|不适用")
PLACEHOLDER = re.compile(r"^(?:0|null|NULL|待定|另行确定|\?|？)$")
ARTEFACT = re.compile(r"#(?:REF|VALUE|DIV/0|N/A)!?|^\d+\.0+$")
LOWER_BOUND = re.compile(r"^\s*[≥>]|不低于|以上")
UPPER_BOUND = re.compile(r"^\s*[≤<]|不高于|不超过|以下")
INPUT_WORDS = re.compile(r"资金|经费|拨付|下达")
COMPLETION_PERCENT = re.compile(r"^(?:完成率?)?\s*100\s*[%％]\s*(?:完成)?$")
VAGUE_COMPLETION = re.compile(r"^(?:完成|已完成|按时完成|全部完成|保质保量完成)$")
DEFERS = re.compile(r"按(?:规定|要求|标准|计划|政策)")
VAGUE_DEGREE = re.compile(r"明显|显著|有效|进一步|逐步|大幅|稳步|较好|良好")
RATE_NAME = re.compile(r"率|比例|覆盖")
CATEGORY_NAMES = LEVEL2 | {"产出指标", "效益指标", "满意度", "数量", "质量", "时效", "成本"}


def decode(raw):
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def table_rows(text):
    """Rows of cells: a tab-separated line is a row (Excel/Word export), and so is a run of one-cell lines between
    blank lines (a table copied cell by cell)."""
    block = []
    for line in text.split("\n"):
        cells = [c.strip() for c in line.rstrip().split("\t")]
        if len(cells) > 2:
            if block:
                yield block
                block = []
            yield cells[1:] if not cells[0] else cells
        elif line.strip():
            block.append(line.strip())
        elif line.startswith("\t"):
            block.append("")
        elif block:
            yield block
            block = []
    if block:
        yield block


def rows(text):
    """Indicator rows (二级指标, name, value); a merged 二级指标 cell carries down to the rows under it."""
    level2 = None
    for cells in table_rows(text):
        # The last match: a 一级 cell may itself read like a 二级 name (满意度指标 beside 服务对象满意度指标).
        at = max((i for i, c in enumerate(cells[:3]) if c in LEVEL2), default=None)
        if at is not None and len(cells) > at + 2:
            level2, name, value = cells[at], cells[at + 1], cells[at + 2]
        elif level2 and len(cells) >= 3 and not cells[0]:
            rest = [c for c in cells if c]
            if len(rest) < 2:
                continue
            name, value = rest[0], rest[1]
        else:
            level2 = None
            continue
        if name in LEVEL2 or name in ("三级指标", "指标值"):
            continue
        yield level2, name, value


def check_row(level2, name, value):
    found = []
    text = name + value
    percents = [float(p) for p in PERCENT.findall(value)]
    if TEMPLATE.search(name) or TEMPLATE.search(value):
        found.append("TEMPLATE_RESIDUE")
    if NOT_APPLICABLE.search(value) or NOT_APPLICABLE.search(name):
        found.append("NOT_APPLICABLE_ROW")
    if not name:
        found.append("MISSING_NAME")
    if not value:
        found.append("MISSING_VALUE")
        return found
    if name in CATEGORY_NAMES:
        found.append("NAME_IS_CATEGORY")
    if PLACEHOLDER.search(value):
        found.append("VALUE_PLACEHOLDER")
    if ARTEFACT.search(value):
        found.append("SPREADSHEET_ARTEFACT")
    if level2 in SATISFACTION:
        if "满意" not in name:
            found.append("SATISFACTION_WRONG_INDICATOR")
        if not percents:
            found.append("SATISFACTION_NO_PERCENT")
        elif max(percents) > 100:
            found.append("SATISFACTION_OVER_100")
        elif max(percents) < 80:
            found.append("SATISFACTION_BELOW_MIN")
        elif max(percents) == 100:
            found.append("SATISFACTION_FULL_MARKS")
    elif "满意" in name:
        found.append("SATISFACTION_IN_OTHER_CATEGORY")
    if level2 in COST:
        if not MONEY.search(value):
            found.append("COST_NOT_MONETARY")
        if LOWER_BOUND.search(value):
            found.append("COST_LOWER_BOUND")
    if level2 == "时效指标":
        if FREQUENCY.search(value):
            found.append("TIME_FREQUENCY_ONLY")
        elif not DEADLINE.search(value) and not percents:
            found.append("TIME_NO_DEADLINE")
    if level2 == "数量指标":
        if not NUMBER.search(value):
            found.append("QUANTITY_NO_NUMBER")
        if INPUT_WORDS.search(name) and MONEY.search(value):
            found.append("INPUT_AS_OUTPUT")
    if level2 == "质量指标" and not percents and not NUMBER.search(value):
        found.append("QUALITY_NO_STANDARD")
    if level2 not in SATISFACTION and percents and max(percents) > 100:
        found.append("PERCENT_OVER_100")
    if RATE_NAME.search(name) and UPPER_BOUND.search(value) and level2 not in COST:
        found.append("RATE_UPPER_BOUND")
    if COMPLETION_PERCENT.search(value) and not RATE_NAME.search(name):
        found.append("VALUE_COMPLETION_PERCENT")
    if len(value) > 40 and not percents:
        found.append("VALUE_WORK_DESCRIPTION")
    if VAGUE_COMPLETION.search(value):
        found.append("VALUE_VAGUE_COMPLETION")
    if DEFERS.search(value) and not NUMBER.search(value):
        found.append("VALUE_DEFERS_TO_RULES")
    if VAGUE_DEGREE.search(value) and not NUMBER.search(value):
        found.append("VALUE_VAGUE_DEGREE")
    if value == name or (len(value) > 4 and value in name):
        found.append("VALUE_RESTATES_NAME")
    if percents and len(name) < 2:
        found.append("PERCENT_WITHOUT_METRIC")
    if level2 in BENEFIT and not NUMBER.search(value) and len(value) > 8:
        found.append("BENEFIT_NOT_MEASURABLE")
    if PERCENT.search(name) or (NUMBER.search(name) and re.search(r"[≥≤>]", name)):
        found.append("TARGET_IN_NAME")
    return found


def check_file(path):
    with open(path, "rb") as f:
        text = decode(f.read())
    found = []
    seen = set()
    categories = set()
    count = 0
    for level2, name, value in rows(text):
        count += 1
        categories.add(level2)
        found.extend(check_row(level2, name, value))
        if (level2, name, value) in seen:
            found.append("DUPLICATE_INDICATOR")
        seen.add((level2, name, value))
    if count:
        if not categories & OUTPUT:
            found.append("COVERAGE_OUTPUT")
        if not categories & BENEFIT:
            found.append("COVERAGE_BENEFIT")
        if not categories & SATISFACTION:
            found.append("COVERAGE_SATISFACTION")
        if not categories & COST:
            found.append("COVERAGE_COST")
    return count, found


def main(files):
    start = time.perf_counter()
    indicators = findings = 0
    for path in files:
        count, found = check_file(path)
        indicators += count
        findings += len(found)
    seconds = time.perf_counter() - start
    print(json.dumps({"files": len(files), "indicators": indicators, "findings": findings,
                      "seconds": round(seconds, 3)}))


if __name__ == "__main__":
    main(sys.argv[1:])
