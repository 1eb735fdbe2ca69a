using System.Net;
using System.Text.Json;
using Guanjia.Domain.Funds;
using Guanjia.Web.Tests.Infrastructure;
using Guanjia.Web.Tests.MicroProjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guanjia.Web.Tests.Funds;

/// <summary>
/// The funds tests' moves through the API. The test host (and its database) is shared by the collection, so every
/// test reads the balances it starts from and uses its own years for allocations.
/// </summary>
internal static class FundKit
{
    public static async Task<JsonElement[]> AccountsAsync(HttpClient by, string? query = null) =>
        (await by.GetJson($"/api/funds/accounts{query}")).EnumerateArray().ToArray();

    /// <summary>Opens the standard accounts (idempotent) and returns the one of the kind held by or for the organisation.</summary>
    public static async Task<string> AccountAsync(Flow f, string kind, string? organizationId = null, string? townId = null)
    {
        await f.City.PostJson("/api/funds/accounts/setup", new { }, HttpStatusCode.OK);
        var all = await AccountsAsync(f.City, $"?kind={kind}");
        return all.First(a => (organizationId is null || a.Str("organizationId") == organizationId)
            && (townId is null || a.GetProperty("townId").GetString() == townId)).Str("id");
    }

    public static async Task<string> VillageAccountAsync(Flow f) => await AccountAsync(f, "VillageMicroProject", f.VillageId);

    /// <summary>Dongcheng: the parent of the lead department the town user belongs to.</summary>
    public static async Task<string> TownIdAsync(Flow f)
    {
        var lead = (await f.Town.GetJson("/api/auth/me")).Str("organizationId");
        return (await f.City.GetJson($"/api/organizations/{lead}")).Str("parentId");
    }

    public static async Task<string> TownAccountAsync(Flow f, string kind = "TownMicroProject") => await AccountAsync(f, kind, townId: await TownIdAsync(f));

    public static async Task<string> CityAccountAsync(Flow f) => await AccountAsync(f, "CityProgramme");

    public static async Task<long> BalanceAsync(HttpClient by, string accountId, string? source = null)
    {
        var a = await by.GetJson($"/api/funds/accounts/{accountId}");
        return source is null ? a.GetProperty("balanceFen").GetInt64()
            : a.GetProperty("bySource").EnumerateArray().Where(s => s.Str("source") == source).Sum(s => s.GetProperty("balanceFen").GetInt64());
    }

    public static async Task<JsonElement> ReceiveAsync(HttpClient by, string accountId, string source, long amount, bool matching = false, int? year = null,
        HttpStatusCode expected = HttpStatusCode.OK) =>
        await by.PostJson("/api/funds/receipts", new { accountId, source, amountFen = amount, matching, year, description = "测试收款" }, expected);

    public static async Task<JsonElement> TransferAsync(HttpClient by, string from, string to, string source, long amount, HttpStatusCode expected = HttpStatusCode.OK) =>
        await by.PostJson("/api/funds/transfers", new { fromAccountId = from, toAccountId = to, source, amountFen = amount }, expected);

    public static async Task<JsonElement> PayAsync(HttpClient by, string accountId, string source, long amount, string? projectId,
        HttpStatusCode expected = HttpStatusCode.OK, string targetKind = "Project", string? payee = null) =>
        await by.PostJson("/api/funds/payments", new
        {
            accountId, source, amountFen = amount, targetKind, targetId = projectId, payee = payee ?? "东莞市某照明工程有限公司", reference = "记账凭证001",
        }, expected);

    /// <summary>A large project approved by the town (AwaitingPublicity): payable up to its budget.</summary>
    public static async Task<string> ApprovedProjectAsync(Flow f, long budget = ClosingPath.Large)
    {
        var p = await ClosingPath.RegisteredAsync(f, budget);
        await f.OpinionAsync(p.ProjectId);
        await f.ReviewAsync(p.ProjectId);
        return p.ProjectId;
    }

    /// <summary>A micro-wish through the committee, the town's verification and the joint meeting: payable up to <paramref name="amount"/>.</summary>
    public static async Task<string> DecidedWishAsync(Flow f, long amount, Func<string, Task>? beforeDecision = null)
    {
        var order = await f.HotlineOrderAsync(title: "独居老人需要助行器");
        await f.AcknowledgeAsync(order.Str("id"));
        var wishId = (await f.Village.PostJson($"/api/appeals/{order.Str("id")}/committee-decision", new
        {
            meetingAt = f.Now, outcome = "MicroWish", note = "个人诉求，报镇街核查", wishKind = "SpecialGroupAid", targetGroup = "Disabled",
            assistanceType = "LivingAid", projectName = "为独居老人配置助行器", beneficiaryName = "陈大文", beneficiaryIdNumber = "441900198001011234",
            household = "独居", requestedFen = amount + 100_000,
        }, HttpStatusCode.OK)).Str("wishId");
        if (beforeDecision is not null) await beforeDecision(wishId);
        await f.Town.PostJson($"/api/micro-wishes/{wishId}/verify", new
        {
            authentic = true, reasonable = true, budgetSound = true, departments = "东城街道社会事务局、残联", outcome = "Verified",
        }, HttpStatusCode.OK);
        await f.Town.PostJson($"/api/micro-wishes/{wishId}/decide", new
        {
            decisionBody = "JointMeeting", participants = new[] { "张主任", "李科长" }, route = "Express", amountFen = amount,
            expressForm = "DirectGrant", assistanceForm = "直接资助购买助行器",
        }, HttpStatusCode.OK);
        return wishId;
    }

    public static async Task<IReadOnlyList<JsonElement>> TownsAsync(Flow f)
    {
        var list = new List<JsonElement>();
        foreach (var kind in new[] { "Town", "Street", "Park" })
            list.AddRange((await f.City.GetJson($"/api/organizations?kind={kind}&pageSize=200")).GetProperty("items").EnumerateArray());
        return list;
    }

    /// <summary>Figures for every town: villages, area, output, population and need derived from the code so they differ.</summary>
    public static async Task<IReadOnlyList<JsonElement>> FactorsAsync(Flow f, int year)
    {
        var towns = await TownsAsync(f);
        var rows = towns.Select((t, i) => new
        {
            townId = t.Str("id"), villageCount = 10L + i % 7, areaHectares = 2_000L + 137 * i, outputWan = 1_000_000L + 91_000 * (i % 11),
            population = 100_000L + 7_000 * i, needCount = 300L + 13 * (i % 5),
        }).ToList();
        await f.City.PutJson($"/api/funds/town-factors/{year}", new { towns = rows }, HttpStatusCode.OK);
        return towns;
    }

    public static object Weights(FundProgramme p, long pool, object? weights = null, string? source = null) => new
    {
        programme = p.ToString(), poolFen = pool, source,
        weights = weights ?? (p == FundProgramme.MicroProject ? new { villages = 40, area = 30, output = 30 } : (object)new { population = 50, strength = 20, need = 30 }),
    };

    /// <summary>What the ledger holds, read as the system: for "nothing changed" and the balance invariants.</summary>
    public static async Task<(int Entries, long[] Balances, long LineSum)> SnapshotAsync(Flow f)
    {
        using var scope = f.Host.Services.CreateScope();
        await using var db = f.SystemDb(scope);
        var entries = await db.LedgerEntries.CountAsync();
        var balances = await db.FundAccounts.OrderBy(a => a.Id).Select(a => a.BalanceFen).ToArrayAsync();
        var sum = await db.LedgerLines.SumAsync(l => (long?)l.AmountFen) ?? 0;
        return (entries, balances, sum);
    }

    public static async Task AssertUnchangedAsync(Flow f, (int Entries, long[] Balances, long LineSum) before)
    {
        var after = await SnapshotAsync(f);
        Assert.Equal(before.Entries, after.Entries);
        Assert.Equal(before.Balances, after.Balances);
    }

    /// <summary>R-FD-06 invariants: every entry balances, all lines sum to zero, each balance is the sum of its lines, no money-holding account is below zero in any source.</summary>
    public static async Task AssertLedgerBalancesAsync(Flow f)
    {
        using var scope = f.Host.Services.CreateScope();
        await using var db = f.SystemDb(scope);
        var lines = await db.LedgerLines.AsNoTracking().ToListAsync();
        Assert.Equal(0, lines.Sum(l => l.AmountFen));
        Assert.All(lines.GroupBy(l => l.EntryId), g => Assert.Equal(0, g.Sum(l => l.AmountFen)));
        var entryIds = await db.LedgerEntries.Select(e => e.Id).ToListAsync();
        Assert.Equal(entryIds.Count, lines.Select(l => l.EntryId).Distinct().Count());
        var accounts = await db.FundAccounts.AsNoTracking().ToListAsync();
        foreach (var a in accounts)
        {
            Assert.Equal(lines.Where(l => l.AccountId == a.Id).Sum(l => l.AmountFen), a.BalanceFen);
            if (a.HoldsMoney)
                Assert.All(lines.Where(l => l.AccountId == a.Id).GroupBy(l => l.Source), g => Assert.True(g.Sum(l => l.AmountFen) >= 0,
                    $"{a.Name} is below zero in {g.Key}"));
        }
        // ADR 0015: each project's, wish's and station item's running paid amount is the sum of its Expenditure lines.
        var spend = accounts.Where(a => a.Kind == AccountKind.Expenditure).Select(a => a.Id).ToHashSet();
        var paid = lines.Where(l => l.TargetId is not null && spend.Contains(l.AccountId)).GroupBy(l => l.TargetId!.Value).ToDictionary(g => g.Key, g => g.Sum(l => l.AmountFen));
        foreach (var p in await db.MicroProjects.AsNoTracking().Select(p => new { p.Id, p.Number, p.LedgerPaidFen }).ToListAsync())
            Assert.True(paid.GetValueOrDefault(p.Id) == p.LedgerPaidFen, $"project {p.Number}: ledger_paid_fen {p.LedgerPaidFen}, ledger {paid.GetValueOrDefault(p.Id)}");
        foreach (var w in await db.MicroWishes.AsNoTracking().Select(w => new { w.Id, w.Number, w.LedgerPaidFen }).ToListAsync())
            Assert.True(paid.GetValueOrDefault(w.Id) == w.LedgerPaidFen, $"wish {w.Number}: ledger_paid_fen {w.LedgerPaidFen}, ledger {paid.GetValueOrDefault(w.Id)}");
        foreach (var i in await db.StationItems.AsNoTracking().Select(i => new { i.Id, i.Title, i.LedgerPaidFen }).ToListAsync())
            Assert.True(paid.GetValueOrDefault(i.Id) == i.LedgerPaidFen, $"station item {i.Title}: ledger_paid_fen {i.LedgerPaidFen}, ledger {paid.GetValueOrDefault(i.Id)}");
        var entries = await db.LedgerEntries.AsNoTracking().ToListAsync();
        Assert.All(entries, e => Assert.Equal(lines.Where(l => l.EntryId == e.Id && l.AmountFen > 0).Sum(l => l.AmountFen), e.AmountFen));
        Assert.Equal(entries.Count(e => e.ReversesId != null), entries.Where(e => e.ReversesId != null).Select(e => e.ReversesId).Distinct().Count());
    }
}
