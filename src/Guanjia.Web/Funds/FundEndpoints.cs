using Guanjia.App.Funds;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Funds;
using Guanjia.Web.Common;

namespace Guanjia.Web.Funds;

/// <summary>/api/funds: sources, accounts, the ledger, payments and reversals, allocations and their adjustments, pilot money, matching and the wish use rate (R-FD-01..09, R-MW-07).</summary>
public static class FundEndpoints
{
    public static void MapFunds(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/funds").WithTags("Funds").RequireAuthorization();

        g.MapGet("/sources", () => TypedResults.Ok(Enum.GetValues<FundSource>().Select(s => new { source = s, zh = FundNames.Zh(s) })))
            .RequirePermission(Permissions.FundsRead).WithSummary("The fund sources (R-FD-01)");

        g.MapGet("/accounts", (GuanjiaDb db, Guid? townId, AccountKind? kind, bool all = false, CancellationToken ct = default) =>
            LedgerQueries.AccountsAsync(db, townId, kind, all, ct)).RequirePermission(Permissions.FundsRead)
            .WithSummary("Accounts in your scope with balances by source; External and Expenditure with all=true");
        g.MapGet("/accounts/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => LedgerQueries.AccountAsync(db, id, ct))
            .RequirePermission(Permissions.FundsRead).WithSummary("An account with its balance by source");
        g.MapPost("/accounts", (OpenAccount.Request r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) => OpenAccount.HandleAsync(db, clock, r, ct))
            .RequirePermission(Permissions.FundsManage).WithSummary("Open an account: city fund, town 微实事, town 微心愿 fund, village dedicated, purchased service (R-FD-05, R-FD-07)");
        g.MapPost("/accounts/setup", (GuanjiaDb db, TimeProvider clock, CancellationToken ct) => OpenAccount.SetUpAsync(db, clock, ct))
            .RequirePermission(Permissions.FundsManage).WithSummary("Open the missing standard accounts of the city, every town and every village");

        g.MapGet("/ledger", (GuanjiaDb db, int? year, Guid? accountId, Guid? townId, EntryKind? kind, Guid? targetId, FundSource? source,
                DateTimeOffset? from, DateTimeOffset? to, int page = 1, int pageSize = 50, CancellationToken ct = default) =>
            LedgerQueries.ListAsync(db, new LedgerQueries.Filter(year, accountId, townId, kind, targetId, source, from, to, page, pageSize), ct))
            .RequirePermission(Permissions.FundsRead).WithSummary("The ledger (资金发放台账) in your scope, newest first, filtered and paged (R-FD-06)");
        g.MapGet("/ledger/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => LedgerQueries.GetAsync(db, id, ct))
            .RequirePermission(Permissions.FundsRead).WithSummary("One entry with its lines");
        g.MapPost("/ledger/{id:guid}/reversal", (Guid id, ReverseEntry.Request r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
            ReverseEntry.HandleAsync(db, clock, id, r, ct)).RequirePermission(Permissions.FundsRead)
            .WithSummary("Correct an entry by a reversing entry that references it; once per entry (R-FD-06)");

        g.MapPost("/receipts", (RecordReceipt.Request r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) => RecordReceipt.HandleAsync(db, clock, r, ct))
            .RequirePermission(Permissions.FundsRead).WithSummary("Money received from a source; matching=true for a town's matching money (R-FD-01, R-FD-04)");
        g.MapPost("/transfers", (TransferFunds.Request r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) => TransferFunds.HandleAsync(db, clock, r, ct))
            .RequirePermission(Permissions.FundsPay).WithSummary("Town to village dedicated account, keeping the source (R-FD-05); earmarked and pilot money stay what they are (R-FD-09); ring-fenced money stays ring-fenced (R-FD-07)");
        g.MapPost("/payments", (MakePayment.Request r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) => MakePayment.HandleAsync(db, clock, r, ct))
            .RequirePermission(Permissions.FundsPay).WithSummary("A disbursement to a project, wish or station item from the account that pays it; refused if it overdraws, exceeds the budget or is an expert-review or evaluation fee (R-FD-05..08, R-ST-10)");

        g.MapGet("/projects/{id:guid}/budget", (Guid id, GuanjiaDb db, CancellationToken ct) => LedgerQueries.BudgetAsync(db, PaymentTarget.Project, id, ct))
            .RequirePermission(Permissions.FundsRead).WithSummary("A project's budget against what was paid, by source (R-FD-06)");
        g.MapGet("/wishes/{id:guid}/budget", (Guid id, GuanjiaDb db, CancellationToken ct) => LedgerQueries.BudgetAsync(db, PaymentTarget.Wish, id, ct))
            .RequirePermission(Permissions.FundsRead).WithSummary("A wish's decided amount against what was paid, by source");
        g.MapGet("/station-items/{id:guid}/budget", (Guid id, GuanjiaDb db, CancellationToken ct) => LedgerQueries.BudgetAsync(db, PaymentTarget.StationItem, id, ct))
            .RequirePermission(Permissions.FundsRead).WithSummary("A purchased station item's recorded fee against what its village paid, by source (R-ST-10, R-ST-11)");

        g.MapGet("/town-factors/{year:int}", (int year, GuanjiaDb db, CancellationToken ct) => SaveTownFactors.ListAsync(db, year, ct))
            .RequirePermission(Permissions.FundsRead).WithSummary("The towns' figures the allocation formula reads (R-FD-03)");
        g.MapPut("/town-factors/{year:int}", (int year, SaveTownFactors.Request r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
            SaveTownFactors.HandleAsync(db, clock, year, r, ct)).RequirePermission(Permissions.FundsManage).WithSummary("Set the towns' figures for a year");

        g.MapPost("/allocations/{year:int}/preview", (int year, AllocateFunds.Request r, GuanjiaDb db, CancellationToken ct) =>
            AllocateFunds.PreviewAsync(db, year, r, ct)).RequirePermission(Permissions.FundsManage)
            .WithSummary("The worked allocation table for given weights; changes nothing (R-FD-02, R-FD-03)");
        g.MapPost("/allocations/{year:int}/commit", (int year, AllocateFunds.Request r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
            AllocateFunds.CommitAsync(db, clock, year, r, ct)).RequirePermission(Permissions.FundsManage)
            .WithSummary("Commit the allocation: town allocations and ledger entries, once per year and programme");
        g.MapGet("/allocations/{year:int}", (int year, GuanjiaDb db, CancellationToken ct) => AllocateFunds.RunsAsync(db, year, ct))
            .RequirePermission(Permissions.FundsManage).WithSummary("The year's committed allocation runs with their worked tables");
        g.MapPost("/allocations/{year:int}/adjustments", (int year, AdjustAllocation.Request r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
            AdjustAllocation.HandleAsync(db, clock, year, r, ct)).RequirePermission(Permissions.FundsManage)
            .WithSummary("Correct a town's committed allocation with a reason: ledger entries for the difference per source; the run is kept (R-FD-03)");
        g.MapGet("/allocations/{year:int}/adjustments", (int year, GuanjiaDb db, CancellationToken ct) => AdjustAllocation.ListAsync(db, year, ct))
            .RequirePermission(Permissions.FundsRead).WithSummary("The year's adjustments of committed allocations in your scope");

        g.MapGet("/pilot-grants", (GuanjiaDb db, CancellationToken ct) => GrantPilot.ListAsync(db, ct))
            .RequirePermission(Permissions.FundsRead).WithSummary("Pilot money granted and what is left of it (R-FD-02)");
        g.MapPost("/pilot-grants", (GrantPilot.Request r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) => GrantPilot.HandleAsync(db, clock, r, ct))
            .RequirePermission(Permissions.FundsManage).WithSummary("Grant a pilot town its 2,000,000 CNY, once (R-FD-02)");

        g.MapGet("/matching/{year:int}", (int year, GuanjiaDb db, CancellationToken ct) => MatchingQueries.ListAsync(db, year, ct))
            .RequirePermission(Permissions.FundsRead).WithSummary("Each town's matching obligation, what it raised and its shortfall (R-FD-04)");
        g.MapGet("/wish-use/{year:int}", (int year, GuanjiaDb db, CancellationToken ct) => WishUseQueries.ListAsync(db, year, ct))
            .RequirePermission(Permissions.FundsRead).WithSummary("Each town's 微心愿 money for the year: allocated, paid and the use rate, from the ledger (R-MW-07)");
    }
}
