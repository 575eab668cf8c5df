package cn.zhibiao.draft;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import cn.zhibiao.rules.RulesProperties;
import cn.zhibiao.system.Json;

/**
 * Rule configuration (rules switched off, changed severities) lives in application.yaml and the environment, so an
 * administrator changes it by restarting: the first start after a change appends the old and new configuration to
 * the audit, as actor "system".
 */
@Component
class RuleConfigurationAudit implements ApplicationRunner {

    static final String ACTION = "RULES_CONFIG";

    private final DraftStore store;
    private final RulesProperties rules;

    RuleConfigurationAudit(DraftStore store, RulesProperties rules) {
        this.store = store;
        this.rules = rules;
    }

    @Override
    public void run(ApplicationArguments args) {
        JsonNode current = Json.mapper().valueToTree(Map.of(
                "disabled", rules.disabled().stream().sorted().toList(),
                "severity", new TreeMap<>(rules.severity())));
        JsonNode before = store.lastEvent(ACTION).map(e -> e.detail().get("after")).orElse(null);
        if (!current.equals(before)) {
            store.audit(null, "system", ACTION, null, null, before == null
                    ? Map.of("after", current) : Map.of("before", before, "after", current));
        }
    }
}
