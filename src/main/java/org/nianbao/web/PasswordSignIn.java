package org.nianbao.web;

import java.nio.charset.StandardCharsets;
import org.nianbao.accounts.AccountNames;
import org.nianbao.accounts.AccountService;
import org.nianbao.accounts.AccountStore;
import org.nianbao.accounts.AccountUser;
import org.nianbao.accounts.PasswordPolicy;
import org.nianbao.accounts.SignInThrottle;
import org.nianbao.accounts.VerifiedCredentials;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Signing in with a name and a password, by the form or HTTP Basic: refused at once while the name or the address is
 * locked out ({@link SignInThrottle}); a password longer than BCrypt reads is a wrong one, not an error; credentials
 * checked a moment ago are taken from {@link VerifiedCredentials} while the account's stamp is unchanged; the rest is
 * BCrypt's, and a wrong password is counted.
 */
final class PasswordSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider bcrypt;
    private final AccountStore store;
    private final SignInThrottle throttle;
    private final VerifiedCredentials verified;

    PasswordSignIn(AccountService accounts, PasswordEncoder passwords, AccountStore store, SignInThrottle throttle,
                   VerifiedCredentials verified) {
        this.bcrypt = new DaoAuthenticationProvider(accounts);
        this.bcrypt.setPasswordEncoder(passwords);
        this.store = store;
        this.throttle = throttle;
        this.verified = verified;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String name = AccountNames.normalised(request.getName());
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        String address = request.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                ? d.getRemoteAddress() : "unknown";
        var wait = throttle.wait(name, address);
        if (wait.isPresent()) {
            throw new SignInThrottled(wait.get());
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES) { // no password is that long
            throttle.failed(name, address);
            throw new BadCredentialsException("Bad credentials");
        }
        var remembered = verified.get(name, password);
        if (remembered.isPresent()) {
            if (remembered.get().current(store.stamp(name))) {
                return signedIn(remembered.get(), request);
            }
            verified.forget(name, password);
        }
        Authentication result;
        try {
            result = bcrypt.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password));
        } catch (BadCredentialsException wrong) {
            throttle.failed(name, address);
            throw wrong;
        }
        AccountUser user = (AccountUser) result.getPrincipal();
        throttle.succeeded(name);
        verified.put(name, password, user);
        return signedIn(user, request);
    }

    private static Authentication signedIn(AccountUser user, Authentication request) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        token.setDetails(request.getDetails());
        return token;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
