using Guanjia.App.Accounts;
using Guanjia.App.Calendar;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Guanjia.App;

public sealed record DatabaseSettings(DbProvider Provider, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=./data/guanjia.db";

    /// <summary>Database:Provider (Sqlite | Postgres) and ConnectionStrings:Guanjia; SQLite in ./data by default.</summary>
    public static DatabaseSettings From(IConfiguration config)
    {
        var raw = config["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(raw) ? DbProvider.Sqlite
            : Enum.TryParse<DbProvider>(raw, ignoreCase: true, out var p) ? p
            : raw.Equals("postgresql", StringComparison.OrdinalIgnoreCase) ? DbProvider.Postgres
            : throw new InvalidOperationException($"Database:Provider '{raw}' is not Sqlite or Postgres");
        var cs = config.GetConnectionString("Guanjia");
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (provider == DbProvider.Postgres)
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Guanjia is not set");
            cs = DefaultSqlite;
        }
        return new DatabaseSettings(provider, cs);
    }

    public void Apply(DbContextOptionsBuilder o)
    {
        if (Provider == DbProvider.Postgres) o.UseNpgsql(ConnectionString);
        else
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString);
            var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(dir) && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory) Directory.CreateDirectory(dir);
            o.UseSqlite(ConnectionString);
        }
    }
}

public static class DependencyInjection
{
    /// <summary>Settings are read from the final configuration, so hosts and test factories can override them.</summary>
    public static IServiceCollection AddGuanjiaApp(this IServiceCollection services)
    {
        services.AddSingleton(sp => DatabaseSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddDbContext<GuanjiaDb>((sp, o) => sp.GetRequiredService<DatabaseSettings>().Apply(o));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CalendarProvider>();
        // What this release ships; a test host may put a newer set of notices here (ADR 0021).
        services.AddSingleton(_ => Guanjia.Domain.Calendar.OfficialCalendar.Shipped);
        services.AddSingleton<Passwords>();
        services.AddSingleton(LockoutPolicy.Default);
        services.AddSingleton<Programme.ProgrammeRulesProvider>();
        services.AddSingleton<Jurisdictions.JurisdictionRulesProvider>();
        services.AddSingleton<Deadlines.DeadlineBook>();
        services.AddSingleton<Deadlines.DeadlineWarnings>();
        services.AddSingleton<Deadlines.AnnualObligations>();
        services.AddSingleton<Feedback.FeedbackWriter>();
        services.AddSingleton<Documents.PdfConverter>();
        services.AddSingleton<Feedback.MessageSenders>();
        services.AddSingleton<Feedback.OutboxDispatcher>();
        services.AddSingleton<Common.WorkflowRunner>();
        services.AddSingleton<MicroProjects.CalendarAccess>();
        services.AddSingleton<Appeals.AppealServices>();
        services.AddSingleton<MicroProjects.ProjectServices>();
        services.AddSingleton<Claims.ClaimWindows>();
        services.AddSingleton(sp => CivilAffairs.CaseworkCrypto.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<CivilAffairs.CaseworkServices>();
        services.AddSingleton<CivilAffairs.CaseworkPeriodJob>();
        services.AddSingleton<Purchasing.PurchasingServices>();
        services.AddSingleton<Purchasing.VentureYearJob>();
        services.AddSingleton(sp => Attachments.AttachmentLimits.From(sp.GetRequiredService<IConfiguration>()));
        services.AddHttpClient("webhooks", c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddHostedService<Common.Jobs>();
        return services;
    }

    /// <summary>
    /// Development only: a sender that takes every message without delivering it and marks it Simulated, so the demo
    /// runs without gateways (ADR 0020). The host calls this in the Development environment and nowhere else.
    /// </summary>
    public static IServiceCollection AddDevelopmentSender(this IServiceCollection services) =>
        services.AddSingleton<Feedback.SimulatedSender>();
}
