using Guanjia.App.Accounts;
using Guanjia.App.Common;
using Guanjia.App.Jurisdictions;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Web.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.Web.Accounts;

public static class AccountEndpoints
{
    /// <summary>Who is signed in; <c>JurisdictionPath</c> is the root of their jurisdiction ("/" for none), <c>/api/jurisdiction</c> says what it runs.</summary>
    public sealed record Me(Guid? Id, string Name, string Kind, Role? Role, string? RoleName, Guid? OrganizationId, string ScopePath,
        IReadOnlyList<string> Permissions, bool ReadOnly, string JurisdictionPath);

    public sealed record RoleView(Role Role, string Zh, string En, ScopeLevel Scope, bool ReadOnly, IReadOnlyList<string> BindsTo,
        IReadOnlyList<string> Permissions);

    public sealed record Reason(string? Text);

    public static void MapAccounts(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts");
        auth.MapGet("/antiforgery", (HttpContext http, IAntiforgery af) =>
        {
            var tokens = af.GetAndStoreTokens(http);
            return TypedResults.Ok(new { headerName = AuthSetup.AntiforgeryHeader, token = tokens.RequestToken });
        }).WithSummary("Antiforgery token for the browser: send it back in the X-XSRF-TOKEN header");
        auth.MapPost("/sign-in", async (SignIn.Request r, HttpContext http, IServiceProvider sp, JurisdictionRulesProvider rules, CancellationToken ct) =>
        {
            // Nobody is signed in yet: the lookup and the failure count run as the system actor.
            await using var scope = sp.CreateAsyncScope();
            var db = ActivatorUtilities.CreateInstance<GuanjiaDb>(scope.ServiceProvider, new FixedActor(Actor.System));
            var user = await SignIn.HandleAsync(db, sp.GetRequiredService<Passwords>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<SignInThrottle>(), ClientAddress.Of(http), r, ct);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthSetup.PrincipalFor(user));
            var actor = ActorFactory.ForUser(user);
            return TypedResults.Ok(await ToMeAsync(actor, db, rules, ct));
        }).WithSummary("Sign in with user name and password (throttled per address and account; five wrong passwords pause this address for this name)");
        auth.MapPost("/sign-out", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        });
        auth.MapGet("/me", async (ICurrentActor current, GuanjiaDb db, JurisdictionRulesProvider rules, CancellationToken ct) =>
            TypedResults.Ok(await ToMeAsync(current.Actor, db, rules, ct))).RequireSignedIn().AllowTokens()
            .WithSummary("The caller; permissions of programmes the caller's jurisdiction does not run are left out (ADR 0040)");
        auth.MapGet("/roles", () => TypedResults.Ok(RoleCatalog.All.Values.Select(i => new RoleView(i.Role, i.Zh, i.En, i.Scope, i.ReadOnly,
            i.BindsTo.Select(k => k.ToString()).ToList(), i.Permissions.Order().ToList())).ToList())).RequireAuthorization().RequireSignedIn();

        var users = app.MapGroup("/api/users").WithTags("Accounts");
        users.MapGet("/", (GuanjiaDb db, TimeProvider clock, Role? role, Guid? organizationId, string? q, bool? active,
                int page = 1, int pageSize = 20, CancellationToken ct = default) =>
            UserQueries.ListAsync(db, clock, new UserQueries.Filter(role, organizationId, q, active, page, pageSize), ct))
            .RequirePermission(Permissions.UsersRead).WithSummary("Users within the caller's scope");
        users.MapGet("/{id:guid}", (Guid id, GuanjiaDb db, TimeProvider clock, CancellationToken ct) => UserQueries.GetAsync(db, clock, id, ct))
            .RequirePermission(Permissions.UsersRead);
        users.MapPost("/", async (SaveUser.Create r, GuanjiaDb db, Passwords pw, TimeProvider clock, CancellationToken ct) =>
        {
            var u = await SaveUser.CreateAsync(db, pw, clock, r, ct);
            return TypedResults.Created($"/api/users/{u.Id}", u);
        }).RequirePermission(Permissions.UsersManage).WithSummary("Create an account; the role must fit the organisation and the caller's scope");
        users.MapPut("/{id:guid}", (Guid id, SaveUser.Update r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
            SaveUser.UpdateAsync(db, clock, id, r, ct)).RequirePermission(Permissions.UsersManage);
        users.MapPost("/{id:guid}/password", async (Guid id, SaveUser.ResetPassword r, GuanjiaDb db, Passwords pw, CancellationToken ct) =>
        {
            await SaveUser.ResetPasswordAsync(db, pw, id, r, ct);
            return TypedResults.NoContent();
        }).RequirePermission(Permissions.UsersManage);
        users.MapPost("/{id:guid}/unlock", async (Guid id, [FromBody] Reason r, GuanjiaDb db, SignInThrottle throttle, CancellationToken ct) =>
        {
            await SaveUser.UnlockAsync(db, id, r.Text, ct);
            throttle.Unlock(SignInThrottle.AccountKey(await db.Users.Where(u => u.Id == id).Select(u => u.UserName).SingleAsync(ct)));
            return TypedResults.NoContent();
        }).RequirePermission(Permissions.UsersManage);

        var tokens = app.MapGroup("/api/tokens").WithTags("Accounts");
        tokens.MapGet("/", (GuanjiaDb db, int page = 1, int pageSize = 20, CancellationToken ct = default) => ApiTokens.ListAsync(db, page, pageSize, ct))
            .RequirePermission(Permissions.TokensManage);
        tokens.MapPost("/", async (ApiTokens.Create r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var issued = await ApiTokens.CreateAsync(db, clock, r, ct);
            return TypedResults.Created($"/api/tokens/{issued.Token.Id}", issued);
        }).RequirePermission(Permissions.TokensManage).WithSummary("Issue a token for an integration; the secret is shown only in this answer");
        tokens.MapPost("/{id:guid}/revoke", (Guid id, [FromBody] Reason r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
            ApiTokens.RevokeAsync(db, clock, id, r.Text, ct)).RequirePermission(Permissions.TokensManage);
    }

    /// <summary>The caller as the web app needs it: only the permissions it can use in its own jurisdiction, so menus of other programmes stay hidden.</summary>
    private static async Task<Me> ToMeAsync(Actor a, GuanjiaDb db, JurisdictionRulesProvider rules, CancellationToken ct)
    {
        var current = a.JurisdictionPath == Domain.Jurisdictions.Jurisdiction.All ? null : await rules.CurrentAsync(db, a.JurisdictionPath, ct);
        var permissions = a.Permissions.Where(p => current is null || Domain.Jurisdictions.ProgrammeNames.Of(p) is not { } programme
            || current.Value.Rules.Runs(programme)).Order().ToList();
        return new(a.Id, a.Name, a.Kind.ToString(), a.Role, a.Role is { } r ? RoleCatalog.Get(r).Zh : null, a.OrganizationId, a.ScopePath, permissions,
            a.ReadOnly, a.JurisdictionPath);
    }
}
