using Guanjia.App.Deadlines;
using Guanjia.App.Feedback;
using Guanjia.App.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Guanjia.App.Common;

/// <summary>
/// The background loop: delivers the outbox, raises deadline warnings, closes claim windows, starts the towns' yearly
/// duties and the casework's periods, and delivers major events (R-CA-12), every few seconds.
/// Jobs:Enabled=false turns it off (tests run the steps themselves with a fake clock).
/// </summary>
public sealed class Jobs(IServiceScopeFactory scopes, IConfiguration config, ILogger<Jobs> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Jobs:Enabled", true)) return;
        var interval = TimeSpan.FromSeconds(Math.Max(1, config.GetValue("Jobs:IntervalSeconds", 10)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await RunOnceAsync(scopes, stoppingToken); }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Background jobs failed; retrying in {Interval}", interval);
            }
            try { await Task.Delay(interval, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }

    public static async Task RunOnceAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = ActivatorUtilities.CreateInstance<GuanjiaDb>(scope.ServiceProvider, new FixedActor(Actor.System));
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunOnceAsync(db, ct);
        db.ChangeTracker.Clear();
        await scope.ServiceProvider.GetRequiredService<DeadlineWarnings>().RunOnceAsync(db, ct);
        db.ChangeTracker.Clear();
        await scope.ServiceProvider.GetRequiredService<Claims.ClaimWindows>().RunOnceAsync(db, ct);
        db.ChangeTracker.Clear();
        await scope.ServiceProvider.GetRequiredService<AnnualObligations>().RunOnceAsync(db, ct);
        db.ChangeTracker.Clear();
        await scope.ServiceProvider.GetRequiredService<CivilAffairs.CaseworkPeriodJob>().RunOnceAsync(db, ct);
        db.ChangeTracker.Clear();
        // R-PS-02: each street's yearly micro venture-philanthropy round.
        await scope.ServiceProvider.GetRequiredService<Purchasing.VentureYearJob>().RunOnceAsync(db, ct);
        db.ChangeTracker.Clear();
        // Major events a request could not deliver at once (R-CA-12): the report itself is the outbox.
        await Purchasing.ReportMajorEvent.DeliverAsync(db, scope.ServiceProvider.GetRequiredService<Purchasing.PurchasingServices>(), null, ct);
    }
}
