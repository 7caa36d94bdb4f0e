package org.nianbao.accounts;

/** What an account may do. */
public enum Role {
    /** Rules and scorecards: edit, validate, dry run, activate, roll back. */
    EDITOR("规则编辑"),
    /** Every assessment, rankings and exports. */
    REVIEWER("评议"),
    /** Accounts. */
    ADMIN("账号管理");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
