package cn.zhibiao.retrieval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;

/**
 * Synthetic declarations for the benchmark, recombined from the seed corpus: a seed's project with another region,
 * year and funds, its goals mixed with another seed's, and rows swapped in from a third. Marked {@code synthetic-…}
 * in {@code source}; they exist only in memory and in the benchmark's own index, never in {@code corpus/}.
 */
public final class SyntheticDeclarations {

    private static final String[] PROVINCES = {"湖南省", "河南省", "湖北省", "江西省", "四川省", "广西壮族自治区", "安徽省",
            "河北省"};
    private static final String[] CITIES = {"长沙市", "株洲市", "衡阳市", "洛阳市", "郑州市", "宜昌市", "赣州市", "绵阳市",
            "桂林市", "芜湖市", "保定市", "岳阳市"};
    private static final String[] DISTRICTS = {"芙蓉区", "天元区", "石鼓区", "西工区", "金水区", "西陵区", "章贡区", "涪城区",
            "七星区", "镜湖区", "竞秀区", "岳阳楼区", "高新区", "经开区", "城关区", "新城区"};
    private static final String[] QUALIFIERS = {"", "", "（续建）", "（二期）", "区级配套", "专项", "提标扩面", "试点"};

    private SyntheticDeclarations() {
    }

    public static List<Declaration> generate(List<Declaration> seeds, int count, long seed) {
        Random random = new Random(seed);
        List<Declaration> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Declaration base = seeds.get(random.nextInt(seeds.size()));
            Declaration other = seeds.get(random.nextInt(seeds.size()));
            Declaration rows = seeds.get(random.nextInt(seeds.size()));
            String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
            String region = PROVINCES[random.nextInt(PROVINCES.length)] + CITIES[random.nextInt(CITIES.length)]
                    + district;
            int year = 2016 + random.nextInt(10);
            String name = district + year + "年" + base.projectName() + QUALIFIERS[random.nextInt(QUALIFIERS.length)];
            String overview = join(first(base), first(other));
            List<Indicator> indicators = new ArrayList<>(base.indicators());
            if (!rows.indicators().isEmpty()) {
                indicators.set(indicators.isEmpty() ? 0 : random.nextInt(indicators.size()),
                        rows.indicators().get(random.nextInt(rows.indicators().size())));
            }
            BigDecimal funds = BigDecimal.valueOf(1 + random.nextInt(200_000), 2);
            out.add(new Declaration("synthetic-" + seed + "-" + i, base.kind(), region, base.department(), year,
                    name, base.direction(), funds, null, base.periodGoal(), other.annualGoal(), overview, null,
                    indicators));
        }
        return out;
    }

    private static String first(Declaration d) {
        for (String s : new String[] {d.overview(), d.annualGoal(), d.periodGoal(), d.direction()}) {
            if (s != null && !s.isBlank()) {
                return s.strip();
            }
        }
        return "";
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "。" + b;
    }
}
