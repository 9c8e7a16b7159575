package dev.tandem.server.web;

import dev.tandem.server.security.Accounts;
import dev.tandem.server.security.Role;
import dev.tandem.server.security.SecurityEventType;
import dev.tandem.server.security.SecurityLog;
import dev.tandem.server.security.UserStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's pages (issue 15's accounts, docs/security.md) and every user's own account: users with their
 * roles, creating one, changing roles, disabling and enabling, resetting a password (shown once); the security log;
 * and "My account": change one's password, create (value shown once) and revoke personal API tokens. Every action
 * goes through {@link Accounts}, as the API's does, and is recorded in the security log.
 */
@Controller
class AccountPages {

    private final Accounts accounts;
    private final UserStore users;
    private final SecurityLog log;

    AccountPages(Accounts accounts, UserStore users, SecurityLog log) {
        this.accounts = accounts;
        this.users = users;
        this.log = log;
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasAuthority('user:manage')")
    String usersPage(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            Model model) {
        int pageSize = PageModel.size(size);
        long total = users.count();
        model.addAttribute("users", users.list(PageModel.page(page) * pageSize, pageSize));
        model.addAttribute("roles", Role.values());
        PageModel.paging(model, PageModel.page(page), pageSize, total);
        model.addAttribute("now", java.time.Instant.now());
        return "admin-users";
    }

    @PostMapping("/admin/users")
    @PreAuthorize("hasAuthority('user:manage')")
    String create(@RequestParam String username, @RequestParam String password,
            @RequestParam(name = "role", required = false) List<String> roles, Authentication actor,
            HttpServletRequest request, RedirectAttributes flash) {
        PageMessages.attempt(flash, () -> accounts.create(username.strip(), password, roleSet(roles), actor.getName(),
                request.getRemoteAddr()), user -> "User " + user.username() + " created with the roles "
                + user.roles().stream().map(Role::text).toList() + ".");
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{username}/roles")
    @PreAuthorize("hasAuthority('user:manage')")
    String roles(@PathVariable String username, @RequestParam(name = "role", required = false) List<String> roles,
            Authentication actor, HttpServletRequest request, RedirectAttributes flash) {
        PageMessages.attempt(flash, () -> accounts.setRoles(username, roleSet(roles), actor.getName(),
                request.getRemoteAddr()), user -> "Roles of " + username + ": "
                + user.roles().stream().map(Role::text).toList() + ".");
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{username}/enabled")
    @PreAuthorize("hasAuthority('user:manage')")
    String enabled(@PathVariable String username, @RequestParam boolean enabled, Authentication actor,
            HttpServletRequest request, RedirectAttributes flash) {
        PageMessages.attempt(flash, () -> accounts.setEnabled(username, enabled, actor.getName(),
                request.getRemoteAddr()), user -> "User " + username + (enabled ? " enabled." : " disabled."));
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{username}/reset-password")
    @PreAuthorize("hasAuthority('user:manage')")
    String resetPassword(@PathVariable String username, Authentication actor, HttpServletRequest request,
            RedirectAttributes flash) {
        String password = PageMessages.attempt(flash, () -> accounts.resetPassword(username, actor.getName(),
                request.getRemoteAddr()), p -> "New password of " + username + " (shown this once; give it to them "
                + "over a safe channel):");
        if (password != null) {
            flash.addFlashAttribute("secret", password);
        }
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/security-log")
    @PreAuthorize("hasAuthority('security:read')")
    String securityLog(@RequestParam(required = false) String type, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Model model) {
        SecurityEventType wanted = null;
        if (type != null && !type.isBlank()) {
            try {
                wanted = SecurityEventType.valueOf(type.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                model.addAttribute("refused", "There is no event type '" + type + "'.");
            }
        }
        int pageSize = PageModel.size(size);
        long total = log.count(wanted);
        model.addAttribute("events", log.page(wanted, PageModel.page(page) * pageSize, pageSize));
        model.addAttribute("types", SecurityEventType.values());
        model.addAttribute("type", wanted);
        PageModel.paging(model, PageModel.page(page), pageSize, total);
        return "admin-security-log";
    }

    @GetMapping("/me")
    String me(Authentication user, Model model) {
        UserStore.User me = users.require(user.getName());
        model.addAttribute("me", me);
        model.addAttribute("tokens", users.tokens(user.getName()));
        model.addAttribute("permissions", me.roles().stream().flatMap(r -> r.permissions().stream())
                .map(p -> p.text() + " (" + p.description() + ")").distinct().sorted().toList());
        model.addAttribute("now", java.time.Instant.now());
        return "me";
    }

    @PostMapping("/me/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
            Authentication user, HttpServletRequest request, RedirectAttributes flash) {
        PageMessages.attempt(flash, () -> accounts.changeOwnPassword(user.getName(), currentPassword, newPassword,
                request.getRemoteAddr()), "Password changed.");
        return "redirect:/me";
    }

    @PostMapping("/me/tokens")
    String createToken(@RequestParam(required = false) String name, @RequestParam(required = false) Integer days,
            Authentication user, HttpServletRequest request, RedirectAttributes flash) {
        UserStore.CreatedToken created = PageMessages.attempt(flash, () -> accounts.createToken(user.getName(),
                name, days, request.getRemoteAddr()), t -> "Token '" + t.token().name() + "' created, valid until "
                + t.token().expiresAt() + ". Copy it now: it is shown this once.");
        if (created != null) {
            flash.addFlashAttribute("secret", created.value());
        }
        return "redirect:/me";
    }

    @PostMapping("/me/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable String tokenId, Authentication user, HttpServletRequest request,
            RedirectAttributes flash) {
        PageMessages.attempt(flash, () -> accounts.revokeToken(user.getName(), tokenId, request.getRemoteAddr()),
                t -> "Token '" + t.name() + "' revoked.");
        return "redirect:/me";
    }

    private static Set<String> roleSet(List<String> roles) {
        return roles == null ? Set.of() : new LinkedHashSet<>(roles);
    }
}
