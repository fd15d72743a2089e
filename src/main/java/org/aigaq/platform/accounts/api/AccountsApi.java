package org.aigaq.platform.accounts.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.aigaq.platform.accounts.ApiToken;
import org.aigaq.platform.accounts.ApiTokens;
import org.aigaq.platform.accounts.Organisation;
import org.aigaq.platform.accounts.Organisations;
import org.aigaq.platform.accounts.SecondFactors;
import org.aigaq.platform.accounts.User;
import org.aigaq.platform.accounts.Users;
import org.aigaq.platform.audit.AuditTrail;
import org.aigaq.platform.security.Allowed;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedIn;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Accounts over the API: the caller, organisations, users (administrators), and the caller's own tokens. */
@RestController
@RequestMapping("/api/v1")
class AccountsApi {

    /** The caller as the API shows it. */
    record Me(long id, String username, String displayName, long organisationId, Set<Role> roles, String language) {}

    /** An account as the API shows it to administrators. */
    record UserView(long id, String username, String displayName, long organisationId, String organisationName,
                    Set<Role> roles, boolean enabled, boolean secondFactorEnabled, boolean mustChangePassword,
                    Instant lockedUntil, Instant createdAt, Instant lastSignInAt) {
        static UserView of(User u) {
            return new UserView(u.id(), u.username(), u.displayName(), u.organisationId(), u.organisationName(),
                    u.roles(), u.enabled(), u.secondFactorEnabled(), u.mustChangePassword(), u.lockedUntil(),
                    u.createdAt(), u.lastSignInAt());
        }
    }

    record OrganisationRequest(@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size-max}") String name,
                               @Size(max = 40, message = "{validation.size-max}") String shortName) {}

    record NewUserRequest(@NotBlank(message = "{validation.required}") @Size(max = 64, message = "{validation.size-max}") String username,
                          @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size-max}") String displayName,
                          @NotNull(message = "{validation.required}") Long organisationId,
                          @NotEmpty(message = "{user.roles.empty}") Set<Role> roles) {}

    /** The account created, with its temporary password: shown this once. */
    record CreatedUser(UserView user, String temporaryPassword) {}

    record UserChange(@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size-max}") String displayName,
                      @NotNull(message = "{validation.required}") Long organisationId,
                      @NotEmpty(message = "{user.roles.empty}") Set<Role> roles,
                      @NotNull(message = "{validation.required}") Boolean enabled) {}

    record TokenRequest(@NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size-max}") String name) {}

    /** A token just created, with its value: shown this once. */
    record CreatedToken(ApiToken token, String value) {}

    private final Users users;
    private final Organisations organisations;
    private final ApiTokens tokens;
    private final SecondFactors secondFactors;
    private final AuditTrail audit;

    AccountsApi(Users users, Organisations organisations, ApiTokens tokens, SecondFactors secondFactors, AuditTrail audit) {
        this.users = users;
        this.organisations = organisations;
        this.tokens = tokens;
        this.secondFactors = secondFactors;
        this.audit = audit;
    }

    @Tag(name = "Accounts")
    @Operation(summary = "The caller's own account")
    @SignedIn
    @GetMapping("/me")
    Me me() {
        User user = users.get(CurrentUser.require().id());
        return new Me(user.id(), user.username(), user.displayName(), user.organisationId(), user.roles(), user.locale());
    }

    @Tag(name = "Organisations")
    @Operation(summary = "The coalition's organisations")
    @SignedIn
    @GetMapping("/organisations")
    List<Organisation> organisations() {
        return organisations.all();
    }

    @Tag(name = "Organisations")
    @SignedIn
    @GetMapping("/organisations/{id}")
    Organisation organisation(@PathVariable long id) {
        return organisations.get(id);
    }

    @Tag(name = "Organisations")
    @Operation(summary = "Add an organisation")
    @Allowed(Role.ADMINISTRATOR)
    @PostMapping("/organisations")
    ResponseEntity<Organisation> createOrganisation(@Valid @RequestBody OrganisationRequest request) {
        var created = organisations.create(request.name(), request.shortName());
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.id())).body(created);
    }

    @Tag(name = "Organisations")
    @Operation(summary = "Rename an organisation")
    @Allowed(Role.ADMINISTRATOR)
    @PutMapping("/organisations/{id}")
    Organisation renameOrganisation(@PathVariable long id, @Valid @RequestBody OrganisationRequest request) {
        return organisations.rename(id, request.name(), request.shortName());
    }

    @Tag(name = "Users")
    @Operation(summary = "All user accounts")
    @Allowed(Role.ADMINISTRATOR)
    @GetMapping("/users")
    List<UserView> users() {
        return users.all().stream().map(UserView::of).toList();
    }

    @Tag(name = "Users")
    @Allowed(Role.ADMINISTRATOR)
    @GetMapping("/users/{id}")
    UserView user(@PathVariable long id) {
        var user = UserView.of(users.get(id));
        audit.recordRead("user", id);
        return user;
    }

    @Tag(name = "Users")
    @Operation(summary = "Create an account with a temporary password, to be replaced at first sign-in")
    @Allowed(Role.ADMINISTRATOR)
    @PostMapping("/users")
    ResponseEntity<CreatedUser> createUser(@Valid @RequestBody NewUserRequest request) {
        String password = Users.temporaryPassword();
        User user = users.create(request.username(), request.displayName(), request.organisationId(), request.roles(),
                password, true);
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(new CreatedUser(UserView.of(user), password));
    }

    @Tag(name = "Users")
    @Operation(summary = "Change an account's name, organisation, roles, or whether it is enabled")
    @Allowed(Role.ADMINISTRATOR)
    @PutMapping("/users/{id}")
    UserView changeUser(@PathVariable long id, @Valid @RequestBody UserChange change) {
        if (id == CurrentUser.require().id() && (!change.enabled() || !change.roles().contains(Role.ADMINISTRATOR))) {
            throw new org.aigaq.platform.InvalidInput("roles", "user.roles.own-administrator");
        }
        users.change(id, change.displayName(), change.organisationId(), change.roles());
        User current = users.get(id);
        if (current.enabled() != change.enabled()) {
            if (change.enabled()) users.enable(id); else users.disable(id);
        }
        return UserView.of(users.get(id));
    }

    @Tag(name = "Users")
    @Operation(summary = "Reset an account's password; the temporary one is returned once")
    @Allowed(Role.ADMINISTRATOR)
    @PostMapping("/users/{id}/password-reset")
    CreatedUser resetPassword(@PathVariable long id) {
        String password = users.resetPassword(id);
        return new CreatedUser(UserView.of(users.get(id)), password);
    }

    @Tag(name = "Users")
    @Operation(summary = "Remove an account's second factor; the user enrols again at next sign-in")
    @Allowed(Role.ADMINISTRATOR)
    @PostMapping("/users/{id}/second-factor-reset")
    UserView resetSecondFactor(@PathVariable long id) {
        users.get(id);
        secondFactors.remove(id);
        return UserView.of(users.get(id));
    }

    @Tag(name = "API tokens")
    @Operation(summary = "The caller's own API tokens")
    @SignedIn
    @GetMapping("/tokens")
    List<ApiToken> tokens() {
        return tokens.of(CurrentUser.require().id());
    }

    @Tag(name = "API tokens")
    @Operation(summary = "Create an API token for the caller; its value is returned once")
    @SignedIn
    @PostMapping("/tokens")
    ResponseEntity<CreatedToken> createToken(@Valid @RequestBody TokenRequest request) {
        var created = tokens.create(CurrentUser.require().id(), request.name());
        return ResponseEntity.status(201).body(new CreatedToken(created.token(), created.value()));
    }

    @Tag(name = "API tokens")
    @Operation(summary = "Revoke one of the caller's tokens")
    @SignedIn
    @DeleteMapping("/tokens/{id}")
    ResponseEntity<Void> revokeToken(@PathVariable long id) {
        tokens.revoke(CurrentUser.require().id(), id);
        return ResponseEntity.noContent().build();
    }
}
