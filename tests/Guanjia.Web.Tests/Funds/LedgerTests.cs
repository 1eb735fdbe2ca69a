using System.Net;
using System.Net.Http.Json;
using System.Text;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Guanjia.Web.Tests.Funds.FundKit;

namespace Guanjia.Web.Tests.Funds;

/// <summary>The ledger (R-FD-01, R-FD-05..07): accounts, receipts, transfers, payments, reversals, balances and scope.</summary>
[Collection(ApiCollection.Name)]
public class LedgerTests
{
    // R-FD-05: every village has its dedicated account; the town's 微心愿 money is held by the town's finance until a charity exists.
    [Theory, BothDatabases]
    public async Task R_FD_05_standard_accounts_village_dedicated_and_town_wish_fund(Db db)
    {
        var f = await Flow.StartAsync(db);
        await f.City.PostJson("/api/funds/accounts/setup", new { }, HttpStatusCode.OK);
        var again = await f.City.PostJson("/api/funds/accounts/setup", new { }, HttpStatusCode.OK);
        Assert.Equal(0, again.GetProperty("opened").GetInt32());
        var villages = await AccountsAsync(f.City, "?kind=VillageMicroProject");
        Assert.Contains(villages, a => a.Str("organizationId") == f.VillageId);
        var townId = await TownIdAsync(f);
        var wish = (await AccountsAsync(f.City, "?kind=TownWishFund")).Single(a => a.GetProperty("townId").GetString() == townId);
        var holder = await f.City.GetJson($"/api/organizations/{wish.Str("organizationId")}");
        Assert.Equal("Finance", holder.Str("function"));
        Assert.Contains("代管", wish.Str("name"));
        // The village sees its own accounts only: its dedicated account (and, in a pilot town, its pilot money once passed on, R-FD-09).
        var mine = await AccountsAsync(f.Village);
        Assert.Single(mine, a => a.Str("kind") == "VillageMicroProject");
        Assert.All(mine, a => Assert.Equal(f.VillageId, a.Str("organizationId")));
        Assert.All(mine, a => Assert.Contains(a.Str("kind"), new[] { "VillageMicroProject", "VillagePilot" }));
    }

    // R-FD-01: money keeps its source: a payment of one source cannot use another source's money.
    [Theory, BothDatabases]
    public async Task R_FD_01_every_amount_keeps_its_source(Db db)
    {
        var f = await Flow.StartAsync(db);
        var village = await VillageAccountAsync(f);
        var project = await ApprovedProjectAsync(f);
        var collective = await BalanceAsync(f.Town, village, "VillageCollective");
        await ReceiveAsync(f.Town, village, "VillageCollective", 50_000);
        var donations = await BalanceAsync(f.Town, village, "SocialDonation");
        Assert.Equal(collective + 50_000, await BalanceAsync(f.Town, village, "VillageCollective"));
        var before = await SnapshotAsync(f);
        // Donations hold less than asked even though the account as a whole holds more.
        var refused = await PayAsync(f.Finance, village, "SocialDonation", donations + 1, project, HttpStatusCode.BadRequest);
        refused.ShouldNameField("amountFen", "insufficient_funds");
        await AssertUnchangedAsync(f, before);
        var paid = await PayAsync(f.Finance, village, "VillageCollective", 20_000, project);
        Assert.All(paid.GetProperty("lines").EnumerateArray(), l => Assert.Equal("VillageCollective", l.Str("source")));
        var budget = await f.Town.GetJson($"/api/funds/projects/{project}/budget");
        Assert.Equal(20_000, budget.GetProperty("paidFen").GetInt64());
        Assert.Equal(ClosingPath() - 20_000, budget.GetProperty("remainingFen").GetInt64());
        var by = budget.GetProperty("paidBySource").EnumerateArray().Single();
        Assert.Equal("VillageCollective", by.Str("source"));
        // A receipt needs its source.
        (await f.Town.PostJson("/api/funds/receipts", new { accountId = village, amountFen = 100 }, HttpStatusCode.BadRequest)).ShouldNameField("source");
    }

    private static long ClosingPath() => MicroProjects.ClosingPath.Large;

    // R-FD-06: bad amounts are refused with ProblemDetails naming the field, and nothing changes.
    [Theory, BothDatabases]
    public async Task R_FD_06_negative_zero_and_fractional_amounts_are_refused(Db db)
    {
        var f = await Flow.StartAsync(db);
        var village = await VillageAccountAsync(f);
        var project = await ApprovedProjectAsync(f);
        var before = await SnapshotAsync(f);
        (await PayAsync(f.Finance, village, "VillageCollective", -5, project, HttpStatusCode.BadRequest)).ShouldNameField("amountFen", "out_of_range");
        (await PayAsync(f.Finance, village, "VillageCollective", 0, project, HttpStatusCode.BadRequest)).ShouldNameField("amountFen", "out_of_range");
        (await ReceiveAsync(f.Town, village, "VillageCollective", -100, expected: HttpStatusCode.BadRequest)).ShouldNameField("amountFen", "out_of_range");
        var json = $$"""{"accountId":"{{village}}","source":"VillageCollective","amountFen":12.5,"targetKind":"Project","targetId":"{{project}}"}""";
        var res = await f.Finance.PostAsync("/api/funds/payments", new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await res.Json(HttpStatusCode.BadRequest);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        await AssertUnchangedAsync(f, before);
    }

    // R-FD-06: a payment over the approved budget, or to a rejected project, is refused and nothing changes.
    [Theory, BothDatabases]
    public async Task R_FD_06_payments_cannot_exceed_the_budget_or_go_to_a_rejected_or_unapproved_project(Db db)
    {
        var f = await Flow.StartAsync(db);
        var village = await VillageAccountAsync(f);
        var project = await ApprovedProjectAsync(f);
        await ReceiveAsync(f.Town, village, "VillageCollective", ClosingPath() + 1_000);
        await PayAsync(f.Finance, village, "VillageCollective", ClosingPath() - 100, project);
        var before = await SnapshotAsync(f);
        (await PayAsync(f.Finance, village, "VillageCollective", 101, project, HttpStatusCode.BadRequest)).ShouldNameField("amountFen", "over_budget");
        await AssertUnchangedAsync(f, before);
        await PayAsync(f.Finance, village, "VillageCollective", 100, project);

        // Not yet approved by the town (in review), then rejected: neither can be paid.
        var p = await MicroProjects.ClosingPath.RegisteredAsync(f, ClosingPath());
        var before2 = await SnapshotAsync(f);
        (await PayAsync(f.Finance, village, "VillageCollective", 100, p.ProjectId, HttpStatusCode.BadRequest)).ShouldNameField("targetId", "not_payable");
        await f.OpinionAsync(p.ProjectId);
        var review = new
        {
            consultationCompliant = false, budgetReasonable = true, routeFeasible = true, resolvableByPolicy = false, decision = "Reject",
            opinion = "协商参与人数不足，程序不规范，不予立项",
        };
        Assert.Equal("Rejected", (await f.Town.PostJson($"/api/micro-projects/{p.ProjectId}/review", review, HttpStatusCode.OK)).Str("state"));
        (await PayAsync(f.Finance, village, "VillageCollective", 100, p.ProjectId, HttpStatusCode.BadRequest)).ShouldNameField("targetId", "not_payable");
        await AssertUnchangedAsync(f, before2);
    }

    // R-FD-06: the ledger is never edited; a correction is a reversing entry that names the original, once.
    [Theory, BothDatabases]
    public async Task R_FD_06_corrections_are_reversing_entries_once_and_the_tables_refuse_edits(Db db)
    {
        var f = await Flow.StartAsync(db);
        var village = await VillageAccountAsync(f);
        var project = await ApprovedProjectAsync(f);
        await ReceiveAsync(f.Town, village, "VillageCollective", 30_000);
        var balance = await BalanceAsync(f.Town, village);
        var paid = await PayAsync(f.Finance, village, "VillageCollective", 30_000, project);
        Assert.Equal(balance - 30_000, await BalanceAsync(f.Town, village));
        var url = $"/api/funds/ledger/{paid.Str("id")}/reversal";
        (await f.Finance.PostJson(url, new { }, HttpStatusCode.BadRequest)).ShouldNameField("reason", "required");
        var rev = await f.Finance.PostJson(url, new { reason = "收款方账号填错，冲正后重新支付" }, HttpStatusCode.OK);
        Assert.Equal("Reversal", rev.Str("kind"));
        Assert.Equal(paid.Str("id"), rev.Str("reversesId"));
        Assert.Equal(balance, await BalanceAsync(f.Town, village));
        Assert.Equal(0, (await f.Town.GetJson($"/api/funds/projects/{project}/budget")).GetProperty("paidFen").GetInt64());
        var original = await f.Town.GetJson($"/api/funds/ledger/{paid.Str("id")}");
        Assert.Equal(rev.Str("id"), original.Str("reversedById"));
        Assert.Equal(30_000, original.GetProperty("amountFen").GetInt64());
        await f.Finance.PostJson(url, new { reason = "再次冲正" }, HttpStatusCode.Conflict);
        (await f.Finance.PostJson($"/api/funds/ledger/{rev.Str("id")}/reversal", new { reason = "冲正的冲正" }, HttpStatusCode.BadRequest))
            .ShouldNameField("id", "not_reversible");

        using var scope = f.Host.Services.CreateScope();
        await using var sys = f.SystemDb(scope);
        var id = Guid.Parse(paid.Str("id"));
        await Assert.ThrowsAnyAsync<Exception>(() => sys.Database.ExecuteSqlAsync($"UPDATE fund_ledger_entries SET amount_fen = 1 WHERE id = {id}"));
        await Assert.ThrowsAnyAsync<Exception>(() => sys.Database.ExecuteSqlAsync($"DELETE FROM fund_ledger_lines WHERE entry_id = {id}"));
        await AssertLedgerBalancesAsync(f);
    }

    // R-FD-07: purchased-service money is ring-fenced.
    [Theory, BothDatabases]
    public async Task R_FD_07_purchased_service_money_pays_only_purchased_services(Db db)
    {
        var f = await Flow.StartAsync(db);
        var townId = await TownIdAsync(f);
        var existing = (await AccountsAsync(f.City, "?kind=PurchasedService")).FirstOrDefault(a => a.Str("organizationId") == townId);
        var ps = existing.ValueKind == System.Text.Json.JsonValueKind.Object ? existing.Str("id")
            : (await f.City.PostJson("/api/funds/accounts", new { organizationId = townId, kind = "PurchasedService" }, HttpStatusCode.OK)).Str("id");
        await f.City.PostJson("/api/funds/accounts", new { organizationId = townId, kind = "PurchasedService" }, HttpStatusCode.Conflict);
        var village = await VillageAccountAsync(f);
        var project = await ApprovedProjectAsync(f);
        await ReceiveAsync(f.Town, ps, "TownMatching", 500_000);
        var before = await SnapshotAsync(f);
        (await PayAsync(f.Finance, ps, "TownMatching", 1_000, project, HttpStatusCode.BadRequest)).ShouldNameField("accountId", "ring_fenced");
        (await TransferAsync(f.Town, ps, village, "TownMatching", 1_000, HttpStatusCode.BadRequest)).ShouldNameField("toAccountId", "ring_fenced");
        (await TransferAsync(f.Town, await TownAccountAsync(f), ps, "TownMatching", 1, HttpStatusCode.BadRequest)).ShouldNameField("toAccountId", "ring_fenced");
        await AssertUnchangedAsync(f, before);
        // R-FD-06: a purchased service is paid against what was bought (a station item, later a contract), not a free-text payee.
        (await PayAsync(f.Finance, ps, "TownMatching", 200_000, null, HttpStatusCode.BadRequest, targetKind: "PurchasedService", payee: "东莞市某社会工作服务中心"))
            .ShouldNameField("targetKind", "target_required");
        await AssertUnchangedAsync(f, before);
        Assert.True((await f.Town.GetJson($"/api/funds/accounts/{ps}")).GetProperty("ringFenced").GetBoolean());
    }

    // R-FD-05, R-FD-06: the town passes money to the village; a town sees only its accounts and ledger; only the town's lead or finance department pays.
    [Theory, BothDatabases]
    public async Task R_FD_06_scope_a_town_sees_only_its_accounts_and_ledger_and_only_town_finance_pays(Db db)
    {
        var f = await Flow.StartAsync(db);
        var town = await TownAccountAsync(f);
        var village = await VillageAccountAsync(f);
        await ReceiveAsync(f.Town, town, "TownMatching", 80_000);
        var moved = await TransferAsync(f.Finance, town, village, "TownMatching", 80_000);
        Assert.Equal(2, moved.GetProperty("lines").GetArrayLength());
        var changan = await f.Host.SignIn("changan.lead");
        var theirs = await AccountsAsync(changan);
        Assert.DoesNotContain(theirs, a => a.Str("id") == village || a.Str("id") == town);
        Assert.NotEmpty(theirs);
        await changan.GetJson($"/api/funds/ledger/{moved.Str("id")}", HttpStatusCode.NotFound);
        await changan.GetJson($"/api/funds/accounts/{town}", HttpStatusCode.NotFound);
        Assert.Equal(0, (await changan.GetJson($"/api/funds/ledger?accountId={town}")).GetProperty("total").GetInt32());
        // Another town cannot pay from Dongcheng's account; the city and the village do not pay.
        (await TransferAsync(changan, town, village, "TownMatching", 1, HttpStatusCode.BadRequest)).ShouldNameField("fromAccountId", "unknown_account");
        await TransferAsync(f.City, town, village, "TownMatching", 1, HttpStatusCode.Forbidden);
        await TransferAsync(f.Village, town, village, "TownMatching", 1, HttpStatusCode.Forbidden);
        // The village sees the money that reached its account; Dongcheng sees it in its ledger, paged and filtered in the database.
        var villageLedger = await f.Village.GetJson($"/api/funds/ledger?accountId={village}&kind=Transfer&pageSize=5");
        Assert.Contains(villageLedger.GetProperty("items").EnumerateArray(), e => e.Str("id") == moved.Str("id"));
        var page = await f.Town.GetJson("/api/funds/ledger?page=1&pageSize=2");
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt32() >= 2);
        (await f.Town.GetJson("/api/funds/ledger?pageSize=0", HttpStatusCode.BadRequest)).ShouldNameField("pageSize");
    }

    // R-FD-06: two payments racing for the last money: exactly one succeeds, the other is refused (409 or 400), nothing overdraws.
    [Theory, BothDatabases]
    public async Task R_FD_06_payments_racing_for_the_last_money_do_not_both_succeed(Db db)
    {
        var f = await Flow.StartAsync(db);
        var village = await VillageAccountAsync(f);
        var projects = new[] { await ApprovedProjectAsync(f), await ApprovedProjectAsync(f), await ApprovedProjectAsync(f) };
        var have = await BalanceAsync(f.Town, village, "CharityFederation");
        const long last = 1_000_000;
        if (have < last) await ReceiveAsync(f.Town, village, "CharityFederation", last - have);
        var amount = await BalanceAsync(f.Town, village, "CharityFederation");
        var lead = f.Town;
        var finance = f.Finance;
        var other = await f.Host.SignIn("dongcheng.finance");
        var clients = new[] { finance, lead, other };
        var results = await Task.WhenAll(clients.Select((c, i) => c.PostAsJsonAsync("/api/funds/payments", new
        {
            accountId = village, source = "CharityFederation", amountFen = amount, targetKind = "Project", targetId = projects[i],
        }, TestHost.Json)));
        var codes = results.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, codes.Count(c => c == HttpStatusCode.OK));
        Assert.All(codes.Where(c => c != HttpStatusCode.OK), c => Assert.True(c is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, $"{c}"));
        Assert.Equal(0, await BalanceAsync(f.Town, village, "CharityFederation"));
        await AssertLedgerBalancesAsync(f);
    }

    // R-FD-06: two payments to the same project from different sources, each within its budget but not both: the project's
    // running paid amount and its version serialise them, so exactly one succeeds and the budget holds.
    [Theory, BothDatabases]
    public async Task R_FD_06_payments_racing_for_the_same_budget_do_not_both_succeed(Db db)
    {
        var f = await Flow.StartAsync(db);
        var village = await VillageAccountAsync(f);
        var town = await TownAccountAsync(f);
        var project = await ApprovedProjectAsync(f);
        const long part = MicroProjects.ClosingPath.Large * 6 / 10;
        await ReceiveAsync(f.Town, village, "VillageCollective", part);
        await ReceiveAsync(f.Town, town, "TownMatching", part, matching: true);
        await TransferAsync(f.Finance, town, village, "TownMatching", part);
        var other = await f.Host.SignIn("dongcheng.finance");
        // Projects are paid from the village's account only (R-FD-05): two sources of it, by two clerks at once.
        var results = await Task.WhenAll(new[] { (f.Finance, village, "VillageCollective"), (other, village, "TownMatching") }.Select(x =>
            x.Item1.PostAsJsonAsync("/api/funds/payments", new
            {
                accountId = x.Item2, source = x.Item3, amountFen = part, targetKind = "Project", targetId = project,
            }, TestHost.Json)));
        var codes = results.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, codes.Count(c => c == HttpStatusCode.OK));
        Assert.All(codes.Where(c => c != HttpStatusCode.OK), c => Assert.True(c is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, $"{c}"));
        Assert.Equal(part, (await f.Town.GetJson($"/api/funds/projects/{project}/budget")).GetProperty("paidFen").GetInt64());
        await AssertLedgerBalancesAsync(f);
    }

    // R-FD-06: after any sequence of receipts, transfers, payments and reversals, the ledger balances; refusals change nothing.
    [Theory, BothDatabases]
    public async Task R_FD_06_the_ledger_always_balances_after_random_payments_and_reversals(Db db)
    {
        var f = await Flow.StartAsync(db);
        var rng = new Random(20260506);
        var town = await TownAccountAsync(f);
        var village = await VillageAccountAsync(f);
        var projects = new[] { await ApprovedProjectAsync(f, 6_000_000), await ApprovedProjectAsync(f, 10_000_000) };
        var sources = new[] { "TownMatching", "VillageCollective" };
        var entries = new List<string>();
        int ok = 0, refused = 0;
        for (var i = 0; i < 300; i++)
        {
            var source = sources[rng.Next(sources.Length)];
            var amount = rng.Next(1, 400_000);
            var before = await SnapshotAsync(f);
            var res = rng.Next(10) switch
            {
                0 or 1 => await f.Town.PostAsJsonAsync("/api/funds/receipts", new { accountId = town, source, amountFen = amount, matching = source == "TownMatching" }, TestHost.Json),
                2 or 3 or 4 => await f.Finance.PostAsJsonAsync("/api/funds/transfers", new { fromAccountId = town, toAccountId = village, source, amountFen = amount }, TestHost.Json),
                5 or 6 or 7 => await f.Finance.PostAsJsonAsync("/api/funds/payments", new
                {
                    accountId = rng.Next(4) == 0 ? town : village, source, amountFen = amount, targetKind = "Project", targetId = projects[rng.Next(2)],
                }, TestHost.Json),
                _ when entries.Count > 0 => await f.Finance.PostAsJsonAsync($"/api/funds/ledger/{entries[rng.Next(entries.Count)]}/reversal",
                    new { reason = $"随机冲正{i}" }, TestHost.Json),
                _ => await f.Town.PostAsJsonAsync("/api/funds/receipts", new { accountId = village, source, amountFen = amount }, TestHost.Json),
            };
            var body = await res.Content.ReadAsStringAsync();
            if (res.StatusCode == HttpStatusCode.OK)
            {
                ok++;
                entries.Add(System.Text.Json.JsonDocument.Parse(body).RootElement.Str("id"));
            }
            else
            {
                refused++;
                Assert.True(res.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"{res.StatusCode}: {body}");
                Assert.Contains("\"status\"", body, StringComparison.Ordinal);
                await AssertUnchangedAsync(f, before);
            }
        }
        Assert.True(ok > 100 && refused > 10, $"ok {ok}, refused {refused}");
        // Also: each project's running paid amount (ledger_paid_fen, ADR 0015) equals the sum of its ledger lines.
        await AssertLedgerBalancesAsync(f);
        foreach (var p in projects)
        {
            var b = await f.Town.GetJson($"/api/funds/projects/{p}/budget");
            Assert.InRange(b.GetProperty("paidFen").GetInt64(), 0, b.GetProperty("budgetFen").GetInt64());
        }
    }

    // R-FD-09: earmarked money does not move between the 微实事 and 微心愿 accounts, nor from one village's dedicated account to
    // another's; the village does not transfer at all (a wrong transfer of the town's is corrected by reversing it).
    [Theory, BothDatabases]
    public async Task R_FD_09_earmarked_money_stays_in_its_programme_and_its_village(Db db)
    {
        var f = await Flow.StartAsync(db);
        var town = await TownAccountAsync(f);
        var wish = await TownAccountAsync(f, "TownWishFund");
        var village = await VillageAccountAsync(f);
        var townId = await TownIdAsync(f);
        var neighbour = (await AccountsAsync(f.Town, "?kind=VillageMicroProject")).First(a => a.Str("id") != village && a.GetProperty("townId").GetString() == townId).Str("id");
        await ReceiveAsync(f.Town, town, "TownMatching", 300_000, matching: true);
        await ReceiveAsync(f.Town, wish, "TownMatching", 300_000, matching: true);
        await TransferAsync(f.Finance, town, village, "TownMatching", 100_000);
        var before = await SnapshotAsync(f);
        var across = await TransferAsync(f.Finance, town, wish, "TownMatching", 1_000, HttpStatusCode.BadRequest);
        across.ShouldNameField("toAccountId", "cross_programme");
        Assert.Contains("R-FD-09", across.GetProperty("fieldErrors")[0].Str("en"), StringComparison.Ordinal);
        (await TransferAsync(f.Finance, wish, town, "TownMatching", 1_000, HttpStatusCode.BadRequest)).ShouldNameField("toAccountId", "cross_programme");
        (await TransferAsync(f.Finance, wish, village, "TownMatching", 1_000, HttpStatusCode.BadRequest)).ShouldNameField("toAccountId", "cross_programme");
        (await TransferAsync(f.Finance, village, neighbour, "TownMatching", 1_000, HttpStatusCode.BadRequest)).ShouldNameField("fromAccountId", "village_account_out");
        (await TransferAsync(f.Finance, village, town, "TownMatching", 1_000, HttpStatusCode.BadRequest)).ShouldNameField("fromAccountId", "village_account_out");
        await TransferAsync(f.Village, village, neighbour, "TownMatching", 1_000, HttpStatusCode.Forbidden);
        await AssertUnchangedAsync(f, before);
    }

    // R-FD-05: projects are paid from the villages' dedicated 微实事 accounts, not the town's; the village pays from its own.
    [Theory, BothDatabases]
    public async Task R_FD_05_projects_are_paid_from_the_villages_dedicated_accounts(Db db)
    {
        var f = await Flow.StartAsync(db);
        var town = await TownAccountAsync(f);
        var village = await VillageAccountAsync(f);
        var project = await ApprovedProjectAsync(f);
        await ReceiveAsync(f.Town, town, "TownMatching", 100_000, matching: true);
        await TransferAsync(f.Finance, town, village, "TownMatching", 50_000);
        var before = await SnapshotAsync(f);
        var refused = await PayAsync(f.Finance, town, "TownMatching", 10_000, project, HttpStatusCode.BadRequest);
        refused.ShouldNameField("accountId", "village_account_required");
        await AssertUnchangedAsync(f, before);
        var paid = await PayAsync(f.Village, village, "TownMatching", 10_000, project);
        Assert.Contains(paid.GetProperty("lines").EnumerateArray(), l => l.Str("accountId") == village && l.GetProperty("creditFen").GetInt64() == 10_000);
        // The village pays only from its own account.
        (await PayAsync(f.Village, town, "TownMatching", 10_000, project, HttpStatusCode.BadRequest)).ShouldNameField("accountId", "unknown_account");
    }

    // R-FD-08 (002 §八(二)): expert reviews and third-party evaluations are paid by the same level's finance, never from a programme account.
    [Theory, BothDatabases]
    public async Task R_FD_08_expert_review_and_evaluation_fees_are_not_paid_from_programme_accounts(Db db)
    {
        var f = await Flow.StartAsync(db);
        var village = await VillageAccountAsync(f);
        var project = await ApprovedProjectAsync(f);
        await ReceiveAsync(f.Town, village, "VillageCollective", 100_000);
        var before = await SnapshotAsync(f);
        foreach (var purpose in new[] { "ExpertReview", "ThirdPartyEvaluation" })
        {
            var refused = await f.Finance.PostJson("/api/funds/payments", new
            {
                accountId = village, source = "VillageCollective", amountFen = 10_000, targetKind = "Project", targetId = project, purpose,
            }, HttpStatusCode.BadRequest);
            refused.ShouldNameField("purpose", "paid_by_finance");
            Assert.Contains("R-FD-08", refused.GetProperty("fieldErrors")[0].Str("en"), StringComparison.Ordinal);
        }
        // Called a fee of that kind in the description, it is refused the same way.
        (await f.Finance.PostJson("/api/funds/payments", new
        {
            accountId = village, source = "VillageCollective", amountFen = 10_000, targetKind = "Project", targetId = project, description = "项目专家评审费",
        }, HttpStatusCode.BadRequest)).ShouldNameField("purpose", "paid_by_finance");
        await AssertUnchangedAsync(f, before);
        await f.Finance.PostJson("/api/funds/payments", new
        {
            accountId = village, source = "VillageCollective", amountFen = 10_000, targetKind = "Project", targetId = project, purpose = "Delivery",
        }, HttpStatusCode.OK);
    }

    // R-FD-05, R-FD-06: the town's 微心愿 fund pays wishes, up to the decided amount; a village's 微实事 account does not pay wishes.
    [Theory, BothDatabases]
    public async Task R_FD_05_the_wish_fund_pays_a_wish_up_to_its_decided_amount(Db db)
    {
        var f = await Flow.StartAsync(db);
        var fund = await TownAccountAsync(f, "TownWishFund");
        var village = await VillageAccountAsync(f);
        await ReceiveAsync(f.Town, fund, "SocialDonation", 300_000);
        var wishId = await DecidedWishAsync(f, 200_000, beforeDecision: async id =>
            // Not decided yet: no amount to pay against.
            (await PayAsync(f.Finance, fund, "SocialDonation", 1_000, id, HttpStatusCode.BadRequest, "Wish")).ShouldNameField("targetId", "not_payable"));
        (await PayAsync(f.Finance, village, "SocialDonation", 1_000, wishId, HttpStatusCode.BadRequest, "Wish")).ShouldNameField("accountId", "wrong_account");
        await PayAsync(f.Finance, fund, "SocialDonation", 150_000, wishId, targetKind: "Wish", payee: "陈大文");
        var before = await SnapshotAsync(f);
        (await PayAsync(f.Finance, fund, "SocialDonation", 50_001, wishId, HttpStatusCode.BadRequest, "Wish")).ShouldNameField("amountFen", "over_budget");
        await AssertUnchangedAsync(f, before);
        await PayAsync(f.Finance, fund, "SocialDonation", 50_000, wishId, targetKind: "Wish", payee: "陈大文");
        var budget = await f.Town.GetJson($"/api/funds/wishes/{wishId}/budget");
        Assert.Equal(200_000, budget.GetProperty("budgetFen").GetInt64());
        Assert.Equal(0, budget.GetProperty("remainingFen").GetInt64());
        Assert.Equal(2, budget.GetProperty("payments").GetArrayLength());
    }
}
