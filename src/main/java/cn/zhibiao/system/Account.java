package cn.zhibiao.system;

import java.util.Set;

/** A signed-in user as the capabilities see it: name, role and the departments they work for or review. */
public record Account(String username, Role role, Set<String> departments) {

    public Account {
        departments = Set.copyOf(departments);
    }

    /** Administrators see every department; everybody else only theirs. */
    public boolean covers(String department) {
        return role == Role.ADMIN || departments.contains(department);
    }
}
