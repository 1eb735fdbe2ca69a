using Guanjia.App;
using Guanjia.App.Accounts;
using Guanjia.App.Common;
using Guanjia.App.Organizations;
using Guanjia.App.Persistence;

namespace Guanjia.Web;

public static class Startup
{
    /// <summary>Migrates the schema in place, applies the shipped official calendar (ADR 0021), and seeds demo data when configured.</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Guanjia.Startup");
        // The casework's encryption keys: without them the host stops here with a message naming the settings (ADR 0024).
        sp.GetRequiredService<Guanjia.App.CivilAffairs.CaseworkCrypto>();
        var db = ActivatorUtilities.CreateInstance<GuanjiaDb>(sp, new FixedActor(Actor.System));
        var settings = sp.GetRequiredService<DatabaseSettings>();
        log.LogInformation("Database provider {Provider}", settings.Provider);
        await Migrator.MigrateAsync(db, log);
        var clock = sp.GetRequiredService<TimeProvider>();
        await Guanjia.App.Calendar.ApplyShippedCalendar.RunAsync(db, sp.GetRequiredService<Guanjia.Domain.Calendar.OfficialCalendarData>(), clock, log, default);
        await Guanjia.App.Programme.ProgrammeRulesProvider.EnsureDefaultAsync(db, clock, default);
        var bootstrap = app.Configuration.GetSection("Bootstrap");
        if (await Bootstrap.RunAsync(db, sp.GetRequiredService<Passwords>(), clock,
                new Bootstrap.Settings(bootstrap["CityCode"], bootstrap["CityName"], bootstrap["AdminUserName"], bootstrap["AdminPassword"]), default))
            log.LogInformation("Bootstrap: created the first city administrator");
        if (app.Configuration.GetValue("Demo:Seed", false))
        {
            var users = await DemoData.SeedAsync(db, sp.GetRequiredService<Passwords>(), clock, log, default);
            if (app.Configuration.GetValue("Demo:Funds", false)) await Guanjia.App.Funds.DemoFunds.SeedAsync(db, clock, log, default);
            if (app.Environment.IsDevelopment())
            {
                // Printed only in development, for people trying the system; the README lists the same accounts.
                Console.WriteLine($"演示账号 Demo accounts (password / 密码: {DemoData.DemoPassword}):");
                foreach (var u in users) Console.WriteLine($"  {u.UserName,-22} {u.Role,-22} {u.Where}");
                Console.WriteLine($"  12345 hotline API token: {DemoData.DemoHotlineToken}");
            }
            if (app.Configuration.GetValue("Demo:Samples", false))
            {
                try
                {
                    await Guanjia.Web.Common.DemoSamples.SeedAsync(sp, log, default);
                }
                catch (Guanjia.Domain.Common.ValidationFailed e)
                {
                    // Sample data is a convenience: the host starts without the rest of it.
                    log.LogWarning(e, "Demo samples stopped: {Errors}", string.Join("; ", e.Errors.Select(x => $"{x.Field} {x.Code}")));
                }
                catch (Guanjia.Domain.Common.DomainProblem e)
                {
                    log.LogWarning(e, "Demo samples stopped");
                }
            }
        }
    }
}
