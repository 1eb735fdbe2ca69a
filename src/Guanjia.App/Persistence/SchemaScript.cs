using Guanjia.App.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Guanjia.App.Persistence;

/// <summary>
/// The DDL the current model implies, per provider. A developer writing the next migration starts from
/// its difference to the last script; SchemaTests fail until the migrations match it.
/// </summary>
public static class SchemaScript
{
    public static string For(DbProvider provider)
    {
        var options = new DbContextOptionsBuilder<GuanjiaDb>();
        new DatabaseSettings(provider, provider == DbProvider.Postgres ? "Host=localhost;Database=none" : "Data Source=:memory:").Apply(options);
        using var db = new GuanjiaDb(options.Options, new FixedActor(Actor.System), TimeProvider.System);
        return db.Database.GenerateCreateScript();
    }
}
