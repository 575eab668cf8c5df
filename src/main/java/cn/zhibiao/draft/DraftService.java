package cn.zhibiao.draft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

import cn.zhibiao.corpus.DeclarationsImported;
import cn.zhibiao.corpus.ImportedDeclarations;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.rules.Finding;
import cn.zhibiao.rules.RuleChecker;
import cn.zhibiao.rules.Severity;
import cn.zhibiao.system.Account;
import cn.zhibiao.system.Accounts;
import cn.zhibiao.system.Role;

/**
 * What may be done to a draft, by whom, and in which state. A draft of a department the account does not cover does
 * not exist for it (404). Every save is checked and stored whatever its findings; the findings gate submission.
 * Methods block (JDBC) and are called off the event loop.
 */
@Service
class DraftService {

    static final String APPROVED_SOURCE = "审核通过的草稿 #";

    private final DraftStore store;
    private final RuleChecker checker;
    private final TransactionTemplate transactions;
    private final Accounts accounts;
    private final ImportedDeclarations corpus;
    private final ApplicationEventPublisher events;

    DraftService(DraftStore store, RuleChecker checker, TransactionTemplate transactions, Accounts accounts,
            ImportedDeclarations corpus, ApplicationEventPublisher events) {
        this.store = store;
        this.checker = checker;
        this.transactions = transactions;
        this.accounts = accounts;
        this.corpus = corpus;
        this.events = events;
    }

    record OverrideInput(Integer indicatorIndex, String ruleId, String reason) {
    }

    record CommentInput(Integer indicatorIndex, String text) {
    }

    record Submitted(Draft draft, List<FindingOverride> unusedOverrides) {
    }

    Draft create(Account account, Declaration declaration, String requestedDepartment) {
        requireAuthor(account);
        String department = department(account, declaration.department(), requestedDepartment);
        Declaration stored = withDepartment(declaration, department);
        List<Finding> findings = checker.check(stored);
        long id = transactions.execute(tx -> {
            if (account.role() == Role.ADMIN) {
                accounts.addDepartment(department);
            }
            long created = store.create(department, stored, findings, account.username());
            store.audit(created, account.username(), "CREATE", null, 1, Map.of("department", department));
            return created;
        });
        return get(account, id);
    }

    Draft get(Account account, long id) {
        return draft(visible(account, id, false));
    }

    List<DraftSummary> list(Account account, DraftStatus status, String department, Integer year, String text) {
        return store.list(new DraftStore.Filter(account.role() == Role.ADMIN ? null : account.departments(), status,
                blankToNull(department), year, blankToNull(text)));
    }

    List<DraftSummary> reviewQueue(Account account) {
        requireReviewer(account);
        return list(account, DraftStatus.SUBMITTED, null, null, null);
    }

    /** A new version if {@code expectedVersion} is current; otherwise 409 with the current draft, nothing written. */
    Draft update(Account account, long id, int expectedVersion, Declaration declaration) {
        return update(account, id, expectedVersion, declaration, "SAVE", Map.of());
    }

    /** {@link #update} audited as {@code action} with {@code detail}, for saves made on another capability's behalf. */
    Draft update(Account account, long id, int expectedVersion, Declaration declaration, String action,
            Map<String, ?> detail) {
        DraftStore.Head head = visible(account, id, false);
        requireAuthor(account);
        if (!head.status().editable()) {
            throw new DraftProblem.Stale("草稿" + statusText(head.status()) + "，不能再修改", draft(head));
        }
        String department = declaration.department();
        if (department != null && !department.isBlank() && !department.strip().equals(head.department())) {
            throw bad("草稿属于“" + head.department() + "”，不能改为其他部门");
        }
        Declaration stored = withDepartment(declaration, head.department());
        List<Finding> findings = checker.check(stored);
        boolean saved = Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!store.saveVersion(id, expectedVersion, stored, findings, account.username())) {
                return false;
            }
            store.audit(id, account.username(), action, expectedVersion, expectedVersion + 1, detail);
            return true;
        }));
        if (!saved) {
            DraftStore.Head current = visible(account, id, false);
            throw new DraftProblem.Stale("草稿已被他人保存为第 " + current.version() + " 版（你提交的是基于第 "
                    + expectedVersion + " 版的修改），请在最新版本上修改后再保存", draft(current));
        }
        return get(account, id);
    }

    void delete(Account account, long id) {
        visible(account, id, false);
        requireAuthor(account);
        transactions.executeWithoutResult(tx -> {
            DraftStore.Head head = visible(account, id, true);
            if (head.status() == DraftStatus.APPROVED) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "已审核通过的草稿不能删除");
            }
            store.softDelete(id);
            store.audit(id, account.username(), "DELETE", head.version(), head.version(), Map.of());
        });
    }

    /**
     * Submits when every ERROR finding of the current version is fixed or overridden with a reason; the overrides are
     * stored and audited with the submission. Overrides that match no finding any more are reported back.
     */
    Submitted submit(Account account, long id, List<OverrideInput> requested) {
        visible(account, id, false);
        requireAuthor(account);
        for (OverrideInput o : requested) {
            if (o.ruleId() == null || o.ruleId().isBlank() || o.reason() == null || o.reason().isBlank()) {
                throw bad("每条保留理由都要写明规则（ruleId）和理由（reason）");
            }
        }
        List<FindingOverride> unused = transactions.execute(tx -> {
            DraftStore.Head head = visible(account, id, true);
            if (!head.status().editable()) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "草稿" + statusText(head.status()) + "，不能再次提交");
            }
            List<Finding> findings = store.version(id, head.version()).orElseThrow().findings();
            List<FindingOverride> merged = merge(store.overrides(id), requested, account.username());
            List<Finding> blocking = findings.stream()
                    .filter(f -> f.severity() == Severity.ERROR)
                    .filter(f -> merged.stream().noneMatch(o -> o.matches(f.indicatorIndex(), f.ruleId())))
                    .toList();
            if (!blocking.isEmpty()) {
                throw new DraftProblem.Blocked(blocking);
            }
            List<FindingOverride> stale = merged.stream()
                    .filter(o -> findings.stream().noneMatch(f -> o.matches(f.indicatorIndex(), f.ruleId())))
                    .toList();
            List<Map<String, Object>> applied = new ArrayList<>();
            for (OverrideInput o : requested) {
                store.putOverride(id, o.indicatorIndex(), o.ruleId().strip(), o.reason().strip(), account.username());
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("indicatorIndex", o.indicatorIndex());
                entry.put("ruleId", o.ruleId().strip());
                entry.put("reason", o.reason().strip());
                applied.add(entry);
            }
            store.setStatus(id, DraftStatus.SUBMITTED);
            store.audit(id, account.username(), "SUBMIT", head.version(), head.version(), Map.of(
                    "overrides", applied,
                    "unusedOverrides", stale.stream().map(o -> Map.of("ruleId", o.ruleId(),
                            "indicatorIndex", o.indicatorIndex() == null ? "" : o.indicatorIndex())).toList()));
            return stale;
        });
        return new Submitted(get(account, id), unused);
    }

    /** APPROVE or RETURN a submitted draft; an approved declaration joins the corpus and the index at once. */
    Draft review(Account account, long id, String decision, List<CommentInput> comments) {
        visible(account, id, false);
        requireReviewer(account);
        boolean approve = "APPROVE".equals(decision);
        if (!approve && !"RETURN".equals(decision)) {
            throw bad("decision 应为 APPROVE（通过）或 RETURN（退回）");
        }
        List<CommentInput> remarks = comments == null ? List.of() : comments.stream()
                .filter(Objects::nonNull).filter(c -> c.text() != null && !c.text().isBlank()).toList();
        if (!approve && remarks.isEmpty()) {
            throw bad("退回时请至少写一条意见（comments）");
        }
        Declaration approved = transactions.execute(tx -> {
            DraftStore.Head head = visible(account, id, true);
            if (head.status() != DraftStatus.SUBMITTED) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "草稿" + statusText(head.status()) + "，不在待审核状态");
            }
            for (CommentInput c : remarks) {
                store.addComment(id, head.version(), c.indicatorIndex(), c.text().strip(), account.username());
            }
            DraftStatus next = approve ? DraftStatus.APPROVED : DraftStatus.RETURNED;
            store.setStatus(id, next);
            store.audit(id, account.username(), approve ? "APPROVE" : "RETURN", head.version(), head.version(),
                    Map.of("comments", remarks.size()));
            if (!approve) {
                return null;
            }
            Declaration d = store.version(id, head.version()).orElseThrow().declaration();
            Declaration entry = new Declaration(APPROVED_SOURCE + id, d.kind(), d.region(), d.department(), d.year(),
                    d.projectName(), d.direction(), d.fundsWanYuan(), d.periodFundsWanYuan(), d.periodGoal(),
                    d.annualGoal(), d.overview(), d.basis(), d.indicators());
            corpus.saveApproved(entry);
            return entry;
        });
        if (approved != null) {
            events.publishEvent(new DeclarationsImported(List.of(approved)));
        }
        return get(account, id);
    }

    List<VersionInfo> versions(Account account, long id) {
        visible(account, id, false);
        return store.versions(id);
    }

    VersionInfo version(Account account, long id, int version) {
        visible(account, id, false);
        return store.version(id, version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "草稿 " + id + " 没有第 " + version + " 版"));
    }

    List<AuditEvent> history(Account account, long id) {
        visible(account, id, false);
        return store.history(id);
    }

    List<AuditEvent> systemHistory() {
        return store.systemHistory();
    }

    /** The head of a draft the account may see, or 404 whether it does not exist or belongs to another department. */
    DraftStore.Head visible(Account account, long id, boolean forUpdate) {
        return store.head(id, forUpdate)
                .filter(head -> account.covers(head.department()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到草稿 " + id));
    }

    private Draft draft(DraftStore.Head head) {
        VersionInfo current = store.version(head.id(), head.version()).orElseThrow();
        return new Draft(head.id(), head.version(), head.status(), head.department(), head.year(), head.projectName(),
                head.createdBy(), head.createdAt(), head.updatedAt(), current.declaration(), current.findings(),
                store.overrides(head.id()), store.comments(head.id()));
    }

    private static List<FindingOverride> merge(List<FindingOverride> stored, List<OverrideInput> requested, String author) {
        List<FindingOverride> merged = new ArrayList<>();
        for (FindingOverride o : stored) {
            boolean replaced = requested.stream().anyMatch(r -> o.matches(r.indicatorIndex(), r.ruleId().strip()));
            if (!replaced) {
                merged.add(o);
            }
        }
        requested.forEach(r -> merged.add(new FindingOverride(r.indicatorIndex(), r.ruleId().strip(), r.reason().strip(),
                author, null)));
        return merged;
    }

    private static String department(Account account, String declared, String requested) {
        String wanted = blankToNull(requested) != null ? requested.strip()
                : blankToNull(declared) != null ? declared.strip()
                : account.departments().size() == 1 ? account.departments().iterator().next() : null;
        if (wanted == null) {
            throw bad("请填写主管部门（department）" + (account.departments().isEmpty() ? ""
                    : "，可选：" + String.join("、", account.departments().stream().sorted().toList())));
        }
        if (!account.covers(wanted)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "你不能为部门“" + wanted + "”创建草稿"
                    + (account.departments().isEmpty() ? "" : "，可选：" + String.join("、",
                            account.departments().stream().sorted().toList())));
        }
        return wanted;
    }

    static Declaration withDepartment(Declaration d, String department) {
        return new Declaration(d.source(), d.kind(), d.region(), department, d.year(), d.projectName(), d.direction(),
                d.fundsWanYuan(), d.periodFundsWanYuan(), d.periodGoal(), d.annualGoal(), d.overview(), d.basis(),
                d.indicators());
    }

    private static void requireAuthor(Account account) {
        if (account.role() == Role.REVIEWER) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "审核人不能编辑或提交草稿");
        }
    }

    private static void requireReviewer(Account account) {
        if (account.role() == Role.STAFF) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有审核人可以审核草稿");
        }
    }

    private static String statusText(DraftStatus status) {
        return switch (status) {
            case DRAFT -> "尚未提交";
            case SUBMITTED -> "已提交审核";
            case RETURNED -> "已被退回";
            case APPROVED -> "已审核通过";
        };
    }

    private static ResponseStatusException bad(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
