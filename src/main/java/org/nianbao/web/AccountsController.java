package org.nianbao.web;

import java.net.URI;
import java.util.List;
import org.nianbao.accounts.Account;
import org.nianbao.accounts.AccountService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts, for an {@code ADMIN}: list them, create one ({@code username}, {@code password}, {@code roles}), and change
 * one's roles, password or whether it may sign in. Passwords are never answered.
 */
@RestController
@RequestMapping("/api/accounts")
public class AccountsController {

    private final AccountService accounts;

    public AccountsController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    public List<Account> all() {
        return accounts.all();
    }

    /** {@code POST /api/accounts} ({@code username}, {@code password}, {@code roles}: EDITOR, REVIEWER, ADMIN). */
    @PostMapping
    public ResponseEntity<Account> create(@RequestParam String username, @RequestParam String password,
                                          @RequestParam List<String> roles) {
        Account created = accounts.create(username, password, roles);
        return ResponseEntity.created(URI.create("/api/accounts/" + java.net.URLEncoder.encode(created.username(),
                java.nio.charset.StandardCharsets.UTF_8))).body(created);
    }

    /** {@code PATCH /api/accounts/{username}} (any of {@code roles}, {@code enabled}, {@code password}). */
    @PatchMapping("/{username}")
    public Account update(@PathVariable String username, @RequestParam(required = false) List<String> roles,
                          @RequestParam(required = false) Boolean enabled,
                          @RequestParam(required = false) String password) {
        return accounts.update(username, roles, enabled, password);
    }
}
