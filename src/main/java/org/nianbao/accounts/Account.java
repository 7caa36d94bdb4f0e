package org.nianbao.accounts;

import java.time.Instant;
import java.util.Set;

/** An account that may sign in; its password is kept only as a hash and never leaves the store. */
public record Account(String username, Set<Role> roles, boolean enabled, Instant createdAt) {

    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
