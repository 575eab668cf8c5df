package cn.zhibiao.proposal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.zhibiao.system.CommandSettings;

/** How many similar projects a proposal draws on, and where the prompt files are. */
@ConfigurationProperties("zhibiao.proposal")
public record ProposalSettings(int similarK, Path promptsDir) {

    public ProposalSettings {
        similarK = similarK <= 0 ? 5 : similarK;
        promptsDir = promptsDir == null ? Path.of("prompts") : promptsDir;
    }

    public static ProposalSettings from(CommandSettings settings) {
        return new ProposalSettings(Integer.parseInt(settings.get("zhibiao.proposal.similar-k")),
                Path.of(settings.get("zhibiao.proposal.prompts-dir")));
    }
}
