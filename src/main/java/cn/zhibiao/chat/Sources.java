package cn.zhibiao.chat;

import cn.zhibiao.indicator.Declaration;

/** How sources are named to users. */
final class Sources {

    private Sources() {
    }

    /** 《项目名》（地区 年度）, leaving out what is unknown. */
    static String title(String projectName, String region, Integer year) {
        String where = ((region == null ? "" : region) + " " + (year == null ? "" : year + "年度")).strip();
        return "《" + (projectName == null ? "未命名项目" : projectName) + "》" + (where.isEmpty() ? "" : "（" + where + "）");
    }

    static ChatEvent.Source of(Precedent p) {
        return of(p.id(), p.declaration());
    }

    static ChatEvent.Source of(String id, Declaration d) {
        return new ChatEvent.Source(id, "DECLARATION", d.source(), d.projectName(), d.region(), d.year(),
                title(d.projectName(), d.region(), d.year()));
    }
}
