package cn.zhibiao.chat;

import com.fasterxml.jackson.annotation.JsonIgnore;

import cn.zhibiao.indicator.Declaration;

/** A similar past declaration, with its stable id and how similar it is (cosine of the embeddings). */
public record Precedent(String id, double similarity, @JsonIgnore Declaration declaration) {

    /** How users see a project: 《项目名》（地区 年度）. */
    public String title() {
        return Sources.title(declaration.projectName(), declaration.region(), declaration.year());
    }
}
