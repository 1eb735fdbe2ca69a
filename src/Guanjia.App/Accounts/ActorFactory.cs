using Guanjia.App.Common;
using Guanjia.Domain.Accounts;

namespace Guanjia.App.Accounts;

public static class ActorFactory
{
    public static Actor ForUser(User u) =>
        new(ActorKind.User, u.Id, u.UserName, u.Role, u.OrganizationId, u.ScopePath,
            RoleCatalog.Get(u.Role).Permissions, RoleCatalog.Get(u.Role).ReadOnly);

    public static Actor ForToken(ApiToken t) =>
        new(ActorKind.Integration, t.Id, "token:" + t.Name, null, t.OrganizationId, t.ScopePath,
            new HashSet<string>(t.PermissionList, StringComparer.Ordinal), false);
}
