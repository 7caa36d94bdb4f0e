package org.nianbao.web;

import java.net.URI;
import org.nianbao.accounts.ApiTokens;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens, for any signed-in account: its own tokens listed (an {@code ADMIN} may name another account, or see
 * all), a new one made ({@code name}; an {@code ADMIN} may make one for another {@code account}) and shown once,
 * one revoked. The secret of a token is in the answer that made it and nowhere else.
 */
@RestController
@RequestMapping("/api/tokens")
public class TokensController {

    private final ApiTokens tokens;

    public TokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** {@code GET /api/tokens[?account=NAME|?all=true]}: the tokens in force, without their secrets. */
    @GetMapping
    public ResponseEntity<?> list(@RequestParam(required = false) String account, @RequestParam(defaultValue = "false") boolean all,
                                  Authentication who) {
        if ((all || (account != null && !account.equals(who.getName()))) && !isAdmin(who)) {
            return forbidden();
        }
        return ResponseEntity.ok(tokens.list(all ? null : account == null ? who.getName() : account));
    }

    /** {@code POST /api/tokens} ({@code name}, optional {@code account}): 201 with the token, shown this once. */
    @PostMapping
    public ResponseEntity<?> create(@RequestParam String name, @RequestParam(required = false) String account, Authentication who) {
        String owner = account == null || account.isBlank() ? who.getName() : account;
        if (!owner.equals(who.getName()) && !isAdmin(who)) {
            return forbidden();
        }
        ApiTokens.Created created = tokens.create(owner, name, who.getName());
        return ResponseEntity.created(URI.create("/api/tokens/" + created.id())).cacheControl(CacheControl.noStore()).body(created);
    }

    /** {@code DELETE /api/tokens/{id}}: 204; the account's own token, or any for an {@code ADMIN}. */
    @DeleteMapping("/{id}")
    public ResponseEntity<?> revoke(@PathVariable long id, Authentication who) {
        var token = tokens.find(id).filter(t -> t.account().equals(who.getName()) || isAdmin(who));
        if (token.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiErrors.ApiError(404, "not_found",
                    "没有这个令牌，或已撤销 (no such token)"));
        }
        tokens.revoke(id, who.getName());
        return ResponseEntity.noContent().build();
    }

    private static boolean isAdmin(Authentication who) {
        return who.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    private static ResponseEntity<ApiErrors.ApiError> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiErrors.ApiError(403, "forbidden",
                "只有管理员可以查看或创建其他账号的令牌 (only an administrator handles another account's tokens)"));
    }
}
