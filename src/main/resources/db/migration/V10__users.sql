-- Who may use Zhibiao (issue 11): users with a BCrypt password hash and one role, and the departments (主管部门/预算单位,
-- as written in the declarations' department field) each user works for or reviews.
CREATE TABLE department (
    name       TEXT PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
    username      VARCHAR(64) PRIMARY KEY,
    password_hash TEXT        NOT NULL,
    role          VARCHAR(16) NOT NULL CHECK (role IN ('STAFF', 'REVIEWER', 'ADMIN')),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE user_department (
    username   VARCHAR(64) NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    department TEXT        NOT NULL REFERENCES department (name),
    PRIMARY KEY (username, department)
);
