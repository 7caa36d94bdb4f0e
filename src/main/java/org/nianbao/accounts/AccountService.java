package org.nianbao.accounts;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Creates and changes accounts, and finds them for signing in. A name is kept in NFKC and refused when it reads the
 * same as a name taken ({@link AccountNames}); a password must pass the {@link PasswordPolicy}. Every change raises
 * the account's stamp, which ends its sessions.
 */
@Service
public class AccountService implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AccountStore store;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final VerifiedCredentials verified;

    public AccountService(AccountStore store, PasswordEncoder passwords, SignInThrottle throttle, VerifiedCredentials verified) {
        this.store = store;
        this.passwords = passwords;
        this.throttle = throttle;
        this.verified = verified;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var found = store.credentials(AccountNames.normalised(username))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return user(found);
    }

    /** The signed-in form of an account: its roles as authorities, and its stamp now. */
    public static AccountUser user(AccountStore.Credentials found) {
        return new AccountUser(found.account().username(), found.passwordHash(), found.account().enabled(),
                found.account().roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList(),
                found.stamp());
    }

    /** Gives the accounts made before names had keys theirs; one whose name reads as another's keeps none, and works on. */
    public void keyExistingNames() {
        for (String name : store.namesWithoutKey()) {
            if (!store.setNameKey(name, AccountNames.key(name))) {
                log.warn("账号「{}」与另一账号名称形近，未登记其比较键 (account name '{}' reads as another's)", name, name);
            }
        }
    }

    public List<Account> all() {
        return store.all();
    }

    public boolean noAccounts() {
        return store.count() == 0;
    }

    public Account create(String username, String password, Collection<String> roles) {
        String name = AccountNames.checked(username);
        Set<Role> parsed = roles(roles);
        String taken = store.namesByKey().get(AccountNames.key(name));
        if (taken != null) {
            throw new InvalidAccount(taken.equals(name) ? "账号「" + name + "」已存在 (account exists)"
                    : "账号名「" + name + "」与已有账号「" + taken + "」读起来相同或形近，请换一个 (reads as an existing account name)");
        }
        PasswordPolicy.check(password, name);
        if (!store.insert(name, passwords.encode(password), parsed)) {
            throw new InvalidAccount("账号「" + name + "」已存在 (account exists)");
        }
        return store.credentials(name).orElseThrow().account();
    }

    /** Changes roles, enabled or password (each only when given); the last enabled administrator stays one. */
    public Account update(String name, Collection<String> roles, Boolean enabled, String password) {
        Account account = store.credentials(AccountNames.normalised(name)).map(AccountStore.Credentials::account)
                .orElseThrow(() -> new UnknownAccount(name));
        String username = account.username();
        Set<Role> newRoles = roles == null ? null : roles(roles);
        if (password != null) {
            PasswordPolicy.check(password, username);
        }
        boolean staysAdmin = (newRoles == null ? account.has(Role.ADMIN) : newRoles.contains(Role.ADMIN))
                && (enabled == null ? account.enabled() : enabled);
        if (account.has(Role.ADMIN) && account.enabled() && !staysAdmin
                && store.all().stream().filter(a -> a.enabled() && a.has(Role.ADMIN)).count() == 1) {
            throw new InvalidAccount("「" + username + "」是唯一可用的管理员账号，不能停用或取消其管理员角色 (the last administrator)");
        }
        store.update(username, newRoles, enabled, password == null ? null : passwords.encode(password));
        verified.forget(username); // here at once; other instances see the new stamp on the next request
        if (password != null) {
            throttle.clear(username); // an administrator's new password ends a lock-out
        }
        log.info("账号「{}」已更改，其会话随即失效 (account '{}' changed: roles {}, enabled {}, password {})", username, username,
                newRoles == null ? "kept" : newRoles, enabled == null ? "kept" : enabled, password == null ? "kept" : "changed");
        return store.credentials(username).orElseThrow().account();
    }

    static Set<Role> roles(Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            for (String one : name.split(",")) {
                if (one.isBlank()) {
                    continue;
                }
                try {
                    roles.add(Role.valueOf(one.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidAccount("未知的角色「" + one.strip() + "」，可选 EDITOR、REVIEWER、ADMIN (unknown role)");
                }
            }
        }
        if (roles.isEmpty()) {
            throw new InvalidAccount("至少指定一个角色：EDITOR、REVIEWER 或 ADMIN (no role)");
        }
        return roles;
    }

    /** No account of that name. */
    public static class UnknownAccount extends RuntimeException {
        public UnknownAccount(String username) {
            super("没有账号「" + username + "」(no such account)");
        }
    }
}
