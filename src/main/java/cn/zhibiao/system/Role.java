package cn.zhibiao.system;

/** STAFF draft for their own departments, REVIEWER review the departments assigned to them, ADMIN run the system. */
public enum Role {
    STAFF, REVIEWER, ADMIN
}
