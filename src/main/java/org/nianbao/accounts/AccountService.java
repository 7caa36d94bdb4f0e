package org.nianbao.accounts;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Creates and changes accounts, and finds them for signing in. */
@Service
public class AccountService implements UserDetailsService {

    /** Letters (Chinese too), digits, dot, dash and underscore: a name that is safe wherever it is shown. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._-]{2,64}");
    static final int MIN_PASSWORD = 10;

    private final AccountStore store;
    private final PasswordEncoder passwords;

    public AccountService(AccountStore store, PasswordEncoder passwords) {
        this.store = store;
        this.passwords = passwords;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var found = store.credentials(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return User.withUsername(found.account().username())
                .password(found.passwordHash())
                .disabled(!found.account().enabled())
                .authorities(found.account().roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList())
                .build();
    }

    public List<Account> all() {
        return store.all();
    }

    public boolean noAccounts() {
        return store.count() == 0;
    }

    public Account create(String username, String password, Collection<String> roles) {
        String name = checkedName(username);
        checkPassword(password);
        Set<Role> parsed = roles(roles);
        if (!store.insert(name, passwords.encode(password), parsed)) {
            throw new InvalidAccount("账号「" + name + "」已存在 (account exists)");
        }
        return store.credentials(name).orElseThrow().account();
    }

    /** Changes roles, enabled or password (each only when given); the last enabled administrator stays one. */
    public Account update(String username, Collection<String> roles, Boolean enabled, String password) {
        Account account = store.credentials(username).map(AccountStore.Credentials::account)
                .orElseThrow(() -> new UnknownAccount(username));
        Set<Role> newRoles = roles == null ? null : roles(roles);
        if (password != null) {
            checkPassword(password);
        }
        boolean staysAdmin = (newRoles == null ? account.has(Role.ADMIN) : newRoles.contains(Role.ADMIN))
                && (enabled == null ? account.enabled() : enabled);
        if (account.has(Role.ADMIN) && account.enabled() && !staysAdmin
                && store.all().stream().filter(a -> a.enabled() && a.has(Role.ADMIN)).count() == 1) {
            throw new InvalidAccount("「" + username + "」是唯一可用的管理员账号，不能停用或取消其管理员角色 (the last administrator)");
        }
        store.update(username, newRoles, enabled, password == null ? null : passwords.encode(password));
        return store.credentials(username).orElseThrow().account();
    }

    static String checkedName(String username) {
        String name = username == null ? "" : username.strip();
        if (!NAME.matcher(name).matches()) {
            throw new InvalidAccount("账号名须为 2–64 个字母、汉字、数字或 . _ - (invalid account name)");
        }
        return name;
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.isBlank()) {
            throw new InvalidAccount("密码至少 " + MIN_PASSWORD + " 个字符 (password too short)");
        }
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
