using Guanjia.App;
using Guanjia.App.Accounts;
using Guanjia.App.Calendar;
using Guanjia.App.Common;
using Guanjia.App.Deadlines;
using Guanjia.App.Jurisdictions;
using Guanjia.App.Organizations;
using Guanjia.App.Persistence;
using Guanjia.Domain.Jurisdictions;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.Web;

public static class Startup
{
    /// <summary>
    /// Migrates the schema in place, creates the first administrator or the demo jurisdictions when configured, then gives
    /// every jurisdiction what it needs to run (ADR 0040): its calendar from the official arrangements this release ships
    /// (ADR 0021), its configuration, and the programme rules of 民生大莞家 where it runs that programme.
    /// </summary>
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
        var bootstrap = app.Configuration.GetSection("Bootstrap");
        if (await Bootstrap.RunAsync(db, sp.GetRequiredService<Passwords>(), clock,
                new Bootstrap.Settings(bootstrap["CityCode"], bootstrap["CityName"], bootstrap["AdminUserName"], bootstrap["AdminPassword"]), default))
            log.LogInformation("Bootstrap: created the first city administrator");
        var demo = app.Configuration.GetValue("Demo:Seed", false);
        IReadOnlyList<DemoUser> users = [];
        if (demo) users = await DemoData.SeedAsync(db, sp.GetRequiredService<Passwords>(), clock, log, default);

        await ApplyShippedCalendar.RunAsync(db, sp.GetRequiredService<Guanjia.Domain.Calendar.OfficialCalendarData>(), clock, log, default);
        var jurisdictions = sp.GetRequiredService<JurisdictionRulesProvider>();
        await JurisdictionSettings.EnsureDefaultsAsync(db, jurisdictions, sp.GetRequiredService<DeadlineBook>(), clock, default);
        var livelihood = new List<string>();
        foreach (var root in await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => o.ParentId == null).OrderBy(o => o.Code)
                     .Select(o => o.Path).ToListAsync())
            if ((await jurisdictions.RequireAsync(db, root, default)).Rules.Runs(ProgrammeCode.Livelihood)) livelihood.Add(root);
        await Guanjia.App.Programme.ProgrammeRulesProvider.EnsureDefaultAsync(db, clock, livelihood, default);

        if (demo)
        {
            try
            {
                await Guanjia.App.Purchasing.DemoPurchasing.SeedAsync(db, actor => ActivatorUtilities.CreateInstance<GuanjiaDb>(sp, new FixedActor(actor)),
                    sp.GetRequiredService<Guanjia.App.Purchasing.PurchasingServices>(), app.Configuration.GetValue("Demo:Samples", false), log, default);
            }
            catch (Guanjia.Domain.Common.DomainProblem e)
            {
                log.LogWarning(e, "Demo purchasing stopped");
            }
            // The stations' profiles, rosters, training and activities (issue 14 part C): after the packages and the jurisdictions' rules.
            await Guanjia.App.CivilAffairs.DemoStations.SeedAsync(db, sp.GetRequiredService<Guanjia.App.CivilAffairs.CaseworkServices>(), default);
            if (app.Configuration.GetValue("Demo:Funds", false))
                foreach (var root in livelihood)
                {
                    // The demo money of each 民生大莞家 city is set up by the system acting inside that city only.
                    var inCity = ActivatorUtilities.CreateInstance<GuanjiaDb>(sp, new FixedActor(Actor.SystemIn(root)));
                    await Guanjia.App.Funds.DemoFunds.SeedAsync(inCity, clock, log, default);
                }
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
