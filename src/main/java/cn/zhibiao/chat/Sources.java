package cn.zhibiao.chat;

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
        return new ChatEvent.Source(p.id(), "DECLARATION", p.declaration().source(), p.declaration().projectName(),
                p.declaration().region(), p.declaration().year(), p.title());
    }
}
