using Guanjia.Domain.Accounts;

namespace Guanjia.App.Common;

public enum ActorKind { Anonymous = 0, User = 1, Integration = 2, System = 3 }

/// <summary>Who is acting, and how far they see. Every query and every save consults it.</summary>
public sealed record Actor(
    ActorKind Kind,
    Guid? Id,
    string Name,
    Role? Role,
    Guid? OrganizationId,
    string ScopePath,
    IReadOnlySet<string> Permissions,
    bool ReadOnly)
{
    /// <summary>A path no record has, so an anonymous caller's queries return nothing scoped.</summary>
    public const string NoScope = "\u0001";

    public static readonly Actor Anonymous =
        new(ActorKind.Anonymous, null, "anonymous", null, null, NoScope, new HashSet<string>(), true);

    public static readonly Actor System =
        new(ActorKind.System, null, "system", null, null, "/", Domain.Accounts.Permissions.All, false);

    /// <summary>Only the system: a jurisdiction's top administrator sees its own root path, not "/" (ADR 0040).</summary>
    public bool SeesEverything => ScopePath == "/";

    /// <summary>
    /// The root path of the actor's jurisdiction ("/441900/"); "/" for the system and for callers bound to none (the
    /// public portal, anonymous readers of public reference data).
    /// </summary>
    public string JurisdictionPath => ScopePath == NoScope ? Domain.Jurisdictions.Jurisdiction.All : Domain.Jurisdictions.Jurisdiction.RootOf(ScopePath);

    /// <summary>The system acting inside one jurisdiction (demo data, per-jurisdiction set-up): it sees that jurisdiction only.</summary>
    public static Actor SystemIn(string jurisdictionPath) => System with { ScopePath = jurisdictionPath };

    public bool Sees(string path) => path.StartsWith(ScopePath, StringComparison.Ordinal);

    public bool Has(string permission) => Permissions.Contains(permission);
}

public interface ICurrentActor
{
    Actor Actor { get; }
}

/// <summary>For background jobs, start-up and the sign-in flow, which act as the system.</summary>
public sealed class FixedActor(Actor actor) : ICurrentActor
{
    public Actor Actor { get; } = actor;
}
