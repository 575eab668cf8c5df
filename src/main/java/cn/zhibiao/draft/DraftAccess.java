package cn.zhibiao.draft;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.system.Account;
import cn.zhibiao.system.Role;

/**
 * Drafts as other capabilities (the chat) use them, under the drafts API's own rules: a draft of a department the
 * account does not cover does not exist (404), reviewers do not edit (403), a submitted or approved draft is not
 * edited (409), and every edit is a new version with its findings and an audit entry. Methods block (JDBC).
 */
@Component
public class DraftAccess {

    private final DraftService drafts;

    DraftAccess(DraftService drafts) {
        this.drafts = drafts;
    }

    /** The current version of a draft the account may read. */
    public record Current(long id, int version, Declaration declaration) {
    }

    public Current read(Account account, long id) {
        return current(drafts.get(account, id));
    }

    /** The current version of a draft the account may edit now. */
    public Current editable(Account account, long id) {
        Draft draft = drafts.get(account, id);
        if (account.role() == Role.REVIEWER) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "审核人不能编辑草稿");
        }
        if (!draft.status().editable()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "草稿已提交或已审核通过，不能再修改");
        }
        return current(draft);
    }

    /**
     * Saves {@code declaration} as the version after {@code expectedVersion}, audited as {@code action}; the draft
     * as {@code GET /api/drafts/{id}} shows it. A version saved meanwhile by someone else is a 409, nothing written.
     * Joins the caller's transaction, so that what the caller records about the edit commits with it.
     */
    public Draft save(Account account, long id, int expectedVersion, Declaration declaration, String action,
            Map<String, ?> detail) {
        try {
            return drafts.update(account, id, expectedVersion, declaration, action, detail);
        } catch (DraftProblem.Stale e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    private static Current current(Draft draft) {
        return new Current(draft.id(), draft.version(), draft.declaration());
    }
}
