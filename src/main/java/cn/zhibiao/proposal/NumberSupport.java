package cn.zhibiao.proposal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.ParsedValue;
import cn.zhibiao.indicator.TextNormaliser;
import cn.zhibiao.indicator.ValueParser;
import cn.zhibiao.proposal.ProposalFinding.Severity;

/**
 * Where a model's number may come from: the brief, the library entries it was shown, or a source the row cites. A row
 * with any other number is marked unsupported — the model may have invented it.
 */
final class NumberSupport {

    static final String UNSUPPORTED = "NUMBER_UNSUPPORTED";
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private final Set<BigDecimal> brief;
    private final Set<String> briefDates;
    private final Integer year;
    private final ModelContext context;

    NumberSupport(ModelContext context) {
        this.context = context;
        ProjectBrief p = context.project();
        String text = FactExtractor.digits(TextNormaliser.normalise(Candidates.briefText(p)));
        this.brief = numbers(text);
        if (p.fundsWanYuan() != null) {
            brief.add(norm(p.fundsWanYuan()));
        }
        context.facts().forEach(f -> brief.addAll(numbers(f.value())));
        context.library().forEach(e -> brief.addAll(numbers(e.pattern())));
        this.year = p.year();
        if (year != null) {
            brief.add(BigDecimal.valueOf(year));
        }
        this.briefDates = new HashSet<>();
        Matcher m = Pattern.compile("(\\d{1,2})月(?:(\\d{1,2})日|底|末)").matcher(text);
        while (m.find()) {
            String day = m.group(2) == null ? "end" : Integer.toString(Integer.parseInt(m.group(2)));
            briefDates.add(Integer.parseInt(m.group(1)) + "-" + day);
        }
    }

    /** The row with an UNSUPPORTED finding added when one of its numbers has no source. */
    ProposedRow mark(ProposedRow row) {
        return supported(row) ? row : row.withFindings(append(row.findings(), new ProposalFinding(UNSUPPORTED,
                Severity.WARNING, "指标值“" + row.value() + "”中的数值未见于项目申报内容、指标库或所引来源，可能是大模型编造的。",
                "改用项目申报内容中的数值，或写明数值出处后再采用。")));
    }

    boolean supported(ProposedRow row) {
        ParsedValue parsed = ValueParser.parse(row.value());
        if (parsed.deadline() != null) {
            LocalDate d = parsed.deadline();
            return brief.contains(BigDecimal.valueOf(d.getYear()))
                    && (d.getMonthValue() == 12 && d.getDayOfMonth() == 31
                            || briefDates.contains(d.getMonthValue() + "-" + d.getDayOfMonth())
                            || d.getDayOfMonth() == d.lengthOfMonth() && briefDates.contains(d.getMonthValue() + "-end"));
        }
        Set<BigDecimal> known = new HashSet<>(brief);
        known.addAll(cited(row.sources()));
        return numbers(row.value()).stream().allMatch(known::contains);
    }

    /** Numbers of the precedents and examples the row cites by id. */
    private Set<BigDecimal> cited(List<String> sources) {
        Set<BigDecimal> out = new HashSet<>();
        for (SimilarExample ex : context.precedents()) {
            if (sources.contains(ex.declarationId())) {
                for (Indicator i : ex.declaration().indicators()) {
                    out.addAll(numbers(TextNormaliser.normalise(i.value())));
                }
            }
        }
        for (GuidanceExample g : context.guidance()) {
            if (sources.contains(g.id())) {
                out.addAll(numbers(g.annualValue() + " " + g.periodValue()));
            }
        }
        return out;
    }

    private static Set<BigDecimal> numbers(String text) {
        Set<BigDecimal> out = new HashSet<>();
        if (text == null) {
            return out;
        }
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(norm(new BigDecimal(m.group())));
        }
        return out;
    }

    private static BigDecimal norm(BigDecimal n) {
        return new BigDecimal(n.stripTrailingZeros().toPlainString());
    }

    private static List<ProposalFinding> append(List<ProposalFinding> list, ProposalFinding f) {
        List<ProposalFinding> out = new ArrayList<>(list);
        out.add(f);
        return out;
    }
}
