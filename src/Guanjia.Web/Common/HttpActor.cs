using System.Security.Claims;
using Guanjia.App.Common;
using Guanjia.Domain.Accounts;

namespace Guanjia.Web.Common;

/// <summary>Builds the actor from the authenticated principal; anonymous when nobody is signed in.</summary>
public sealed class HttpActor(IHttpContextAccessor http) : ICurrentActor
{
    public const string ScopeClaim = "gj:scope";
    public const string OrgClaim = "gj:org";
    public const string KindClaim = "gj:kind";
    public const string StampClaim = "gj:stamp";
    public const string PermissionClaim = "gj:perm";

    private Actor? _actor;
    private ClaimsPrincipal? _builtFor;

    // Rebuilt when the principal changes: authentication may run after the first query of a request.
    public Actor Actor
    {
        get
        {
            var user = http.HttpContext?.User;
            if (_actor is null || !ReferenceEquals(user, _builtFor))
            {
                _actor = Build(user);
                _builtFor = user;
            }
            return _actor;
        }
    }

    private static Actor Build(ClaimsPrincipal? p)
    {
        if (p?.Identity?.IsAuthenticated != true) return Actor.Anonymous;
        var id = Guid.TryParse(p.FindFirstValue(ClaimTypes.NameIdentifier), out var g) ? g : (Guid?)null;
        var org = Guid.TryParse(p.FindFirstValue(OrgClaim), out var o) ? o : (Guid?)null;
        var scope = p.FindFirstValue(ScopeClaim) ?? Actor.NoScope;
        var name = p.FindFirstValue(ClaimTypes.Name) ?? "?";
        if (p.FindFirstValue(KindClaim) == nameof(ActorKind.Integration))
        {
            var perms = p.FindAll(PermissionClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            return new Actor(ActorKind.Integration, id, name, null, org, scope, perms, false);
        }
        if (!Enum.TryParse<Role>(p.FindFirstValue(ClaimTypes.Role), out var role)) return Actor.Anonymous;
        var info = RoleCatalog.Get(role);
        return new Actor(ActorKind.User, id, name, role, org, scope, info.Permissions, info.ReadOnly);
    }
}
