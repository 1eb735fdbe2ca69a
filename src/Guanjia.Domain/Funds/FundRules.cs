using System.Numerics;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.MicroWishes;

namespace Guanjia.Domain.Funds;

/// <summary>The factors of the allocation formula (R-FD-03).</summary>
public enum AllocationFactor { Villages = 1, Area = 2, Output = 3, Population = 4, Strength = 5, Need = 6 }

/// <summary>One town's inputs to the formula.</summary>
public sealed record FormulaTown(Guid TownId, string Code, string Name, IReadOnlyDictionary<AllocationFactor, long> Inputs, long PilotLeftoverFen = 0);

/// <summary>One row of the worked table: the inputs, each factor's share and the weighted share in parts per million, the amounts in fen.</summary>
public sealed record FormulaRow(
    Guid TownId, string Code, string Name, IReadOnlyDictionary<AllocationFactor, long> Inputs,
    IReadOnlyDictionary<AllocationFactor, long> FactorSharePpm, long WeightedSharePpm,
    long ExactFloorFen, long RemainderFen, long FormulaFen, long PilotLeftoverFen, long PilotDeductedFen, long CityPaysFen);

public sealed record FormulaResult(long PoolFen, IReadOnlyDictionary<AllocationFactor, int> Weights, IReadOnlyDictionary<AllocationFactor, long> Totals,
    IReadOnlyList<FormulaRow> Rows, long FormulaTotalFen, long PilotDeductedTotalFen, long CityPaysTotalFen);

/// <summary>The funds rules as pure functions: the formula, matching, and what an entry must be.</summary>
public static class FundRules
{
    /// <summary>R-FD-02: each pilot town receives 2,000,000 CNY at once.</summary>
    public const long PilotGrantFen = 200_000_000;

    public static readonly IReadOnlyDictionary<FundProgramme, AllocationFactor[]> Factors = new Dictionary<FundProgramme, AllocationFactor[]>
    {
        [FundProgramme.MicroProject] = [AllocationFactor.Villages, AllocationFactor.Area, AllocationFactor.Output],
        [FundProgramme.MicroWish] = [AllocationFactor.Population, AllocationFactor.Strength, AllocationFactor.Need],
    };

    /// <summary>
    /// R-FD-03: each town's amount = pool × Σ weight × town's input / all towns' input, computed exactly in integers;
    /// the fen lost by rounding down go one each to the largest remainders (ties by town code), so the amounts sum
    /// to the pool exactly. R-FD-02: a pilot town's unspent pilot money is deducted from what the city pays.
    /// Weights are whole percentages summing to 100; the caller has checked them.
    /// </summary>
    public static FormulaResult Allocate(long poolFen, IReadOnlyDictionary<AllocationFactor, int> weights, IReadOnlyList<FormulaTown> towns)
    {
        if (weights.Values.Sum() != 100) throw new ArgumentException("weights must sum to 100", nameof(weights));
        var used = weights.Where(w => w.Value > 0).Select(w => w.Key).Order().ToList();
        var totals = used.ToDictionary(f => f, f => towns.Sum(t => t.Inputs.GetValueOrDefault(f)));
        if (totals.Any(t => t.Value <= 0)) throw new ArgumentException("every weighted factor needs a positive total", nameof(towns));
        BigInteger den = 100;
        foreach (var f in used) den *= totals[f];
        var numerators = towns.Select(t =>
        {
            BigInteger n = 0;
            foreach (var f in used)
            {
                BigInteger term = weights[f] * (BigInteger)t.Inputs.GetValueOrDefault(f);
                foreach (var g in used.Where(g => g != f)) term *= totals[g];
                n += term;
            }
            return n;
        }).ToList();
        var floors = numerators.Select(n => (long)(poolFen * n / den)).ToArray();
        var rems = numerators.Select(n => poolFen * n % den).ToArray();
        var left = poolFen - floors.Sum();
        var extra = new long[towns.Count];
        foreach (var i in Enumerable.Range(0, towns.Count).OrderByDescending(i => rems[i]).ThenBy(i => towns[i].Code, StringComparer.Ordinal).Take((int)left))
            extra[i] = 1;
        var rows = towns.Select((t, i) =>
        {
            var amount = floors[i] + extra[i];
            var deducted = Math.Min(Math.Max(t.PilotLeftoverFen, 0), amount);
            return new FormulaRow(t.TownId, t.Code, t.Name, used.ToDictionary(f => f, f => t.Inputs.GetValueOrDefault(f)),
                used.ToDictionary(f => f, f => (long)(t.Inputs.GetValueOrDefault(f) * (BigInteger)1_000_000 / totals[f])),
                (long)(numerators[i] * 1_000_000 / den), floors[i], extra[i], amount, t.PilotLeftoverFen, deducted, amount - deducted);
        }).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        return new FormulaResult(poolFen, used.ToDictionary(f => f, f => weights[f]), totals, rows, rows.Sum(r => r.FormulaFen),
            rows.Sum(r => r.PilotDeductedFen), rows.Sum(r => r.CityPaysFen));
    }

    /// <summary>R-FD-04: the least share of the city's money (pilot money excluded) a town raises, in percent; null without a class.</summary>
    public static int? MatchingPercent(int? economicClass) => economicClass switch
    {
        1 or 2 => 100,
        3 or 4 => 50,
        _ => null,
    };

    /// <summary>R-FD-04: the obligation, rounded up to the fen so a town never owes less than the rule says.</summary>
    public static long? MatchingObligationFen(long cityAllocationFen, int? economicClass) =>
        MatchingPercent(economicClass) is { } p ? (cityAllocationFen * p + 99) / 100 : null;

    /// <summary>R-FD-06: an entry balances when it has lines, none is zero, and debits equal credits.</summary>
    public static bool Balances(IEnumerable<long> lineAmounts)
    {
        var list = lineAmounts.ToList();
        return list.Count >= 2 && list.All(a => a != 0) && list.Sum() == 0;
    }

    /// <summary>Projects the town approved for programme money and not yet closed: the only ones a payment may go to.</summary>
    public static bool ProjectPayable(ProjectState s) =>
        s is ProjectState.AwaitingPublicity or ProjectState.Publicity or ProjectState.Implementation or ProjectState.Completed or ProjectState.AwaitingSurvey;

    /// <summary>Wishes with a decided amount that are not closed, rejected or referred.</summary>
    public static bool WishPayable(WishState s) => s is WishState.Handling or WishState.Completed or WishState.Routed;

    /// <summary>R-FD-07 and R-FD-05: which accounts may pay which targets.</summary>
    public static string? PaymentRefusal(AccountKind from, PaymentTarget target) => (from, target) switch
    {
        (AccountKind.PurchasedService, not PaymentTarget.PurchasedService) => "ring_fenced",
        (AccountKind.VillageMicroProject or AccountKind.TownMicroProject or AccountKind.TownPilot, PaymentTarget.Project) => null,
        (AccountKind.TownWishFund, PaymentTarget.Wish) => null,
        (_, PaymentTarget.PurchasedService) when from != AccountKind.External && from != AccountKind.Expenditure && from != AccountKind.CityProgramme => null,
        _ => "wrong_account",
    };

    /// <summary>R-FD-07: ring-fenced money moves only to another ring-fenced account.</summary>
    public static bool TransferAllowed(AccountKind from, AccountKind to) =>
        (from == AccountKind.PurchasedService) == (to == AccountKind.PurchasedService)
        && from is not (AccountKind.External or AccountKind.Expenditure) && to is not (AccountKind.External or AccountKind.Expenditure);
}
