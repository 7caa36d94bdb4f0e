package org.nianbao.accounts;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in account with the stamp it had when it signed in: a session or a cached sign-in whose stamp is no longer
 * the account's (its roles, password or whether it may sign in changed since) is refused.
 */
public class AccountUser extends User {

    private final long stamp;

    public AccountUser(String username, String password, boolean enabled, Collection<? extends GrantedAuthority> authorities,
                       long stamp) {
        super(username, password, enabled, true, true, true, authorities);
        this.stamp = stamp;
    }

    public long stamp() {
        return stamp;
    }

    /** True while the account is as it was at sign-in: still there, enabled, with the same stamp. */
    public boolean current(java.util.Optional<AccountStore.Stamp> now) {
        return now.isPresent() && now.get().enabled() && now.get().stamp() == stamp;
    }
}
