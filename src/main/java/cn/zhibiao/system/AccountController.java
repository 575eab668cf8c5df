package cn.zhibiao.system;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/me} for the panel; {@code POST/GET /api/admin/users} and {@code POST/GET /api/admin/departments}
 * for administrators (the security chain lets only ADMIN reach /api/admin).
 */
@RestController
class AccountController {

    private static final int MIN_PASSWORD_LENGTH = 8;

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    record NewUser(String username, String password, Role role, List<String> departments) {
    }

    record NewDepartment(String name) {
    }

    @GetMapping("/api/me")
    Mono<Account> me() {
        return accounts.current();
    }

    @PostMapping("/api/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Account> createUser(@RequestBody NewUser user) {
        return Mono.fromCallable(() -> {
            String name = user.username() == null ? "" : user.username().strip();
            if (!name.matches("[A-Za-z0-9._@-]{1,64}")) {
                throw bad("用户名须为 1–64 个字母、数字或 . _ @ -");
            }
            if (user.password() == null || user.password().length() < MIN_PASSWORD_LENGTH) {
                throw bad("密码至少 " + MIN_PASSWORD_LENGTH + " 个字符");
            }
            if (user.role() == null) {
                throw bad("请指定角色：STAFF、REVIEWER 或 ADMIN");
            }
            List<String> departments = user.departments() == null ? List.of()
                    : user.departments().stream().map(String::strip).filter(d -> !d.isEmpty()).toList();
            if (user.role() != Role.ADMIN && departments.isEmpty()) {
                throw bad("经办人和审核人至少要有一个部门（departments）");
            }
            if (!accounts.create(name, user.password(), user.role(), departments)) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "用户名“" + name + "”已存在");
            }
            return accounts.find(name).orElseThrow();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/api/admin/users")
    Mono<List<Account>> users() {
        return Mono.fromCallable(accounts::all).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/api/admin/departments")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<NewDepartment> createDepartment(@RequestBody NewDepartment department) {
        return Mono.fromCallable(() -> {
            String name = department.name() == null ? "" : department.name().strip();
            if (name.isEmpty()) {
                throw bad("请填写部门名称（name）");
            }
            accounts.addDepartment(name);
            return new NewDepartment(name);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/api/admin/departments")
    Mono<List<String>> departments() {
        return Mono.fromCallable(accounts::departments).subscribeOn(Schedulers.boundedElastic());
    }

    private static ResponseStatusException bad(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }
}
