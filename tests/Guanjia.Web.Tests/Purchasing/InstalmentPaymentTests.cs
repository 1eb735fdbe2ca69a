using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guanjia.Web.Tests.Purchasing;

/// <summary>
/// R-FD-07, R-PS-06: a purchase contract is paid by its instalments, each after its acceptance, as ledger payments from the bureau's
/// ring-fenced purchased-service money and from nothing else, less the penalties recorded against it.
/// </summary>
[Collection(ApiCollection.Name)]
public class InstalmentPaymentTests
{
    private static JsonElement Instalment(JsonElement contract, int seq) =>
        contract.GetProperty("instalments").EnumerateArray().Single(i => i.GetProperty("seq").GetInt32() == seq);

    /// <summary>The jurisdiction's ring-fenced account, opened by the purchasing module with its first receipt.</summary>
    private static async Task<string> RingFencedAsync(PurchasingKit k)
    {
        await k.Bureau.PostJson("/api/purchasing/accounts/receipts", new { source = "CityBudget", amountFen = 2_000_000_00L, reference = "瑶财拨测试" },
            HttpStatusCode.OK);
        return (await k.Bureau.GetJson("/api/purchasing/accounts")).EnumerateArray().Single().Str("id");
    }

    /// <summary>Another kind of account of the same jurisdiction (瑶海区 runs no 民生大莞家 funds pages, so it is made directly).</summary>
    private static async Task<string> ProgrammeAccountAsync(PurchasingKit k)
    {
        using var scope = k.Host.Services.CreateScope();
        var db = k.Host.NewDb(scope, Guanjia.App.Common.Actor.System);
        var root = await db.Organizations.IgnoreQueryFilters().SingleAsync(o => o.Path == "/340102/");
        var a = await Guanjia.App.Funds.FundBook.EnsureAsync(db, k.Host.Clock, root, Guanjia.Domain.Funds.AccountKind.CityProgramme, null, null, default);
        await db.SaveChangesAsync();
        return a.Id.ToString();
    }

    private static async Task<long> BalanceAsync(PurchasingKit k, string accountId) =>
        (await k.Bureau.GetJson("/api/purchasing/accounts")).EnumerateArray().Single(a => a.Str("id") == accountId).GetProperty("balanceFen").GetInt64();

    [Theory, BothDatabases]
    public async Task R_FD_07_R_PS_06_an_accepted_instalment_is_paid_from_ring_fenced_money_less_its_penalty_and_nothing_more(Db db)
    {
        var k = await PurchasingKit.StartAsync(db);
        var (contract, _, contractor) = await k.SignedAsync(1_000_000_00);
        var url = $"/api/purchasing/contracts/{contract.Str("id")}";
        var first = Instalment(contract, 1);
        var second = Instalment(contract, 2);
        var ring = await RingFencedAsync(k);
        object Pay(long amount, string? account = null, int? version = null) => new { accountId = account ?? ring, source = "CityBudget", amountFen = amount, reference = "瑶财支付001", version };

        // Not before its acceptance (R-PS-06).
        (await k.Bureau.PostJson($"{url}/instalments/{first.Str("id")}/payments", Pay(100_00), HttpStatusCode.BadRequest))
            .ShouldNameField("instalmentId", "not_accepted");
        await k.Bureau.PostJson($"{url}/instalments/{first.Str("id")}/accept", new { note = "合同已签订" }, HttpStatusCode.OK);
        var penalty = await k.Bureau.PostJson($"{url}/penalties", new { clauseCode = "第十条", amountFen = 3_000_00L, reason = "月度简报逾期" }, HttpStatusCode.Created);
        Assert.Equal(first.Str("id"), penalty.Str("instalmentId"));

        // Ring-fenced: the programme's own money does not pay a contract (R-FD-07).
        var programme = await ProgrammeAccountAsync(k);
        (await k.Bureau.PostJson($"{url}/instalments/{first.Str("id")}/payments", Pay(100_00, programme), HttpStatusCode.BadRequest))
            .ShouldNameField("accountId", "ring_fenced_required");

        // The instalment less its penalty, and not a fen more.
        var before = await BalanceAsync(k, ring);
        (await k.Bureau.PostJson($"{url}/instalments/{first.Str("id")}/payments", Pay(400_000_00), HttpStatusCode.BadRequest))
            .ShouldNameField("amountFen", "over_due");
        Assert.Equal(before, await BalanceAsync(k, ring));
        var paid = await k.Bureau.PostJson($"{url}/instalments/{first.Str("id")}/payments", Pay(397_000_00), HttpStatusCode.OK);
        Assert.Equal("ContractInstalment", paid.Str("targetKind"));
        Assert.Equal(first.Str("id"), paid.Str("targetId"));
        Assert.Equal(before - 397_000_00, await BalanceAsync(k, ring));
        var now = (await k.Bureau.GetJson(url)).GetProperty("instalments").EnumerateArray().Single(i => i.GetProperty("seq").GetInt32() == 1);
        Assert.Equal(397_000_00, now.GetProperty("paidFen").GetInt64());
        Assert.Equal(0, now.GetProperty("amountDueFen").GetInt64());
        Assert.False(now.GetProperty("payable").GetBoolean());
        (await k.Bureau.PostJson($"{url}/instalments/{first.Str("id")}/payments", Pay(1), HttpStatusCode.BadRequest)).ShouldNameField("amountFen", "over_due");

        // A reversal in the ledger makes it payable again; a stale version loses with 409.
        var payments = await k.Bureau.GetJson($"{url}/payments");
        Assert.Equal(paid.Str("id"), payments.EnumerateArray().Single().Str("id"));
        Assert.Equal(paid.Str("id"), (await contractor.GetJson($"{url}/payments")).EnumerateArray().Single().Str("id"));
        await k.Bureau.PostJson($"{url}/payments/{paid.Str("id")}/reversal", new { reason = "凭证号填错" }, HttpStatusCode.OK);
        Assert.Equal(before, await BalanceAsync(k, ring));
        now = (await k.Bureau.GetJson(url)).GetProperty("instalments").EnumerateArray().Single(i => i.GetProperty("seq").GetInt32() == 1);
        Assert.Equal(397_000_00, now.GetProperty("amountDueFen").GetInt64());
        await k.Bureau.PostJson($"{url}/instalments/{first.Str("id")}/payments", Pay(1_00, version: now.GetProperty("version").GetInt32() - 1), HttpStatusCode.Conflict);

        // The second instalment is not payable before its milestone; the contractor and Dongguan cannot pay at all.
        (await k.Bureau.PostJson($"{url}/instalments/{second.Str("id")}/payments", Pay(1_00), HttpStatusCode.BadRequest))
            .ShouldNameField("instalmentId", "not_accepted");
        Assert.Equal(HttpStatusCode.Forbidden, (await contractor.PostAsync($"{url}/instalments/{first.Str("id")}/payments",
            System.Net.Http.Json.JsonContent.Create(Pay(1_00)))).StatusCode);
        var dongguan = await k.Host.SignIn("city.admin");
        Assert.Equal(HttpStatusCode.NotFound, (await dongguan.PostAsync($"{url}/instalments/{first.Str("id")}/payments",
            System.Net.Http.Json.JsonContent.Create(Pay(1_00)))).StatusCode);
        Assert.Equal(397_000_00, (await k.Bureau.GetJson(url)).GetProperty("instalments").EnumerateArray()
            .Single(i => i.GetProperty("seq").GetInt32() == 1).GetProperty("amountDueFen").GetInt64());
    }
}
