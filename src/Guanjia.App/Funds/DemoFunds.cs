using Guanjia.App.Persistence;
using Guanjia.Domain.Funds;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Guanjia.App.Funds;

/// <summary>
/// Demo funds for last year, so the pages have something to show (Demo:Funds, on in Development): the standard
/// accounts, the 2020-style city money (1亿 city budget, 500万 welfare lottery, 2,100万 charity federation, R-FD-01),
/// illustrative town figures (real village counts; area, output, population and need made up from the code), the pilot
/// towns' 200万 each (R-FD-02), 100万 of one pilot town's passed to a village (R-FD-09), the 微实事 allocation of the other 8,500万 from
/// the city budget and the welfare lottery in one run and the charity federation's 2,100万 for 微心愿, with the default weights (R-FD-01,
/// R-FD-03), some matching money (R-FD-04) and one transfer to a village (R-FD-05). Runs through the use cases as the system, once.
/// </summary>
public static class DemoFunds
{
    public static async Task SeedAsync(GuanjiaDb db, TimeProvider clock, ILogger log, CancellationToken ct)
    {
        // Once per city: another jurisdiction's money (瑶海区's purchased-service receipt) is not this city's demo.
        var scope = db.Actor.ScopePath;
        if (await db.LedgerEntries.IgnoreQueryFilters().AnyAsync(e => e.ScopePath.StartsWith(scope), ct)
            || !await db.Organizations.AnyAsync(o => o.Kind == OrganizationKind.City, ct)) return;
        var year = FundBook.YearNow(clock) - 1;
        await OpenAccount.SetUpAsync(db, clock, ct);
        var city = await db.FundAccounts.SingleAsync(a => a.Kind == AccountKind.CityProgramme, ct);
        foreach (var (source, fen) in new[] { (FundSource.CityBudget, 10_000_000_000L), (FundSource.WelfareLottery, 500_000_000L), (FundSource.CharityFederation, 2_100_000_000L) })
            await RecordReceipt.HandleAsync(db, clock, new RecordReceipt.Request(city.Id, source, fen, year, false, $"{year}年度“民生大莞家”专项资金（演示）", null), ct);

        var orgs = await db.Organizations.AsNoTracking().Where(o => o.IsActive).ToListAsync(ct);
        var towns = orgs.Where(o => o.IsTownLevel).OrderBy(o => o.Code, StringComparer.Ordinal).ToList();
        var rows = towns.Select((t, i) =>
        {
            var villages = orgs.Count(o => o.ParentId == t.Id && o.IsVillageLevel);
            var seed = int.Parse(t.Code[^3..], System.Globalization.CultureInfo.InvariantCulture) + i;
            return new SaveTownFactors.Row(t.Id, Math.Max(villages, 1), 3_000 + seed * 97 % 9_000, 2_000_000 + seed * 7_919 % 8_000_000,
                150_000 + seed * 3_571 % 600_000, 200 + seed * 31 % 900);
        }).ToList();
        await SaveTownFactors.HandleAsync(db, clock, year, new SaveTownFactors.Request(rows), ct);

        var pilots = towns.Where(t => t.IsPilot).ToList();
        foreach (var t in pilots) await GrantPilot.HandleAsync(db, clock, new GrantPilot.Request(t.Id, year, FundSource.CityBudget), ct);
        // 002 §五(一)1: a pilot town passes its pilot money to its villages; what is unspent there is deducted all the same (R-FD-09).
        var firstPilot = pilots.FirstOrDefault();
        var pilotVillage = firstPilot is null ? null
            : orgs.Where(o => o.ParentId == firstPilot.Id && o.IsVillageLevel).OrderBy(o => o.Code, StringComparer.Ordinal).FirstOrDefault();
        if (pilotVillage is not null)
        {
            var pilotAccount = await db.FundAccounts.AsNoTracking().SingleAsync(a => a.OrganizationId == firstPilot!.Id && a.Kind == AccountKind.TownPilot, ct);
            var dedicated = await db.FundAccounts.AsNoTracking().SingleAsync(a => a.OrganizationId == pilotVillage.Id && a.Kind == AccountKind.VillageMicroProject, ct);
            await TransferFunds.HandleAsync(db, clock, new TransferFunds.Request(pilotAccount.Id, dedicated.Id, FundSource.CityBudget, 100_000_000, year,
                $"{firstPilot!.Name}拨付{pilotVillage.Name}“民生微实事”试点经费（演示）", null), ct);
        }
        // R-FD-01, R-FD-03: the rest of the 1.05亿 in one run from both its sources: the city budget less the pilot money, and the welfare lottery's 500万.
        var rest = 10_000_000_000L - pilots.Count * FundRules.PilotGrantFen;
        await AllocateFunds.CommitAsync(db, clock, year, new AllocateFunds.Request(FundProgramme.MicroProject, null, null,
            new Dictionary<string, int> { ["villages"] = 40, ["area"] = 30, ["output"] = 30 },
            [new(FundSource.CityBudget, rest), new(FundSource.WelfareLottery, 500_000_000L)]), ct);
        await AllocateFunds.CommitAsync(db, clock, year, new AllocateFunds.Request(FundProgramme.MicroWish, 2_100_000_000L, FundSource.CharityFederation,
            new Dictionary<string, int> { ["population"] = 50, ["strength"] = 20, ["need"] = 30 }), ct);

        var accounts = await db.FundAccounts.AsNoTracking().Where(a => a.Kind == AccountKind.TownMicroProject).ToDictionaryAsync(a => a.OrganizationId, ct);
        foreach (var t in towns.Take(6))
            await RecordReceipt.HandleAsync(db, clock, new RecordReceipt.Request(accounts[t.Id].Id, FundSource.TownMatching, 100_000_000L + t.Code.Length * 1_000_000L,
                year, true, $"{t.Name}{year}年度配套资金（演示）", null), ct);
        var first = towns[0];
        var village = orgs.Where(o => o.ParentId == first.Id && o.IsVillageLevel).OrderBy(o => o.Code, StringComparer.Ordinal).FirstOrDefault();
        var villageAccount = village is null ? null : await db.FundAccounts.AsNoTracking()
            .SingleOrDefaultAsync(a => a.OrganizationId == village.Id && a.Kind == AccountKind.VillageMicroProject, ct);
        if (villageAccount is not null)
            await TransferFunds.HandleAsync(db, clock, new TransferFunds.Request(accounts[first.Id].Id, villageAccount.Id, FundSource.CityBudget, 50_000_000, year,
                $"{first.Name}核拨{village!.Name}“民生微实事”经费（演示）", null), ct);
        log.LogInformation("Demo funds ready for {Year}: {Towns} towns allocated, {Pilots} pilot towns", year, towns.Count, pilots.Count);
    }
}
