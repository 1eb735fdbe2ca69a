using Guanjia.Domain.Appeals;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.MicroWishes;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Persistence;

/// <summary>
/// Covering indexes for the statistics GROUP BYs (ADR 0015): each holds every column its queries filter,
/// group or sum on, led by the town (scoped and drill-down queries) or by the month (city-wide over a period),
/// so the answer is an index range scan that never reads the table.
/// </summary>
public sealed partial class GuanjiaDb
{
    private static void ConfigureStatistics(ModelBuilder m)
    {
        m.Entity<Appeal>(e =>
        {
            e.HasIndex(x => new { x.TownId, x.ReceivedMonth, x.VillageId, x.Channel, x.Category, x.State }).HasDatabaseName("IX_appeals_stats_town");
            e.HasIndex(x => new { x.ReceivedMonth, x.TownId, x.VillageId, x.Channel, x.Category, x.State }).HasDatabaseName("IX_appeals_stats_month");
        });
        m.Entity<MicroProject>(e => e.HasIndex(x => new
        {
            x.TownId, x.CreatedMonth, x.VillageId, x.Category, x.Route, x.State, x.BudgetFen, x.ActualProgrammeFen, x.ActualVillageFen,
            x.ActualSocialFen, x.LedgerPaidFen,
        }).HasDatabaseName("IX_micro_projects_stats_town"));
        m.Entity<MicroWish>(e => e.HasIndex(x => new
        {
            x.TownId, x.CreatedMonth, x.VillageId, x.Kind, x.Route, x.State, x.RequestedFen, x.AmountFen, x.PaidFen, x.LedgerPaidFen,
        }).HasDatabaseName("IX_micro_wishes_stats_town"));
        m.Entity<Deadline>(e => e.HasIndex(x => new { x.DueAt, x.ResponsibleOrgId, x.Obligation, x.IsOpen, x.MetLate })
            .HasDatabaseName("IX_deadlines_stats_due"));
    }
}
