using System.Numerics;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.MicroWishes;

namespace Guanjia.Domain.Funds;

/// <summary>The factors of the allocation formula (R-FD-03).</summary>
public enum AllocationFactor { Villages = 1, Area = 2, Output = 3, Population = 4, Strength = 5, Need = 6 }

/// <summary>
/// One town's inputs to the formula, and its pilot money not yet spent (R-FD-02, R-FD-09) by source; without the sources, the total
/// counts as city budget money.
/// </summary>
public sealed record FormulaTown(Guid TownId, string Code, string Name, IReadOnlyDictionary<AllocationFactor, long> Inputs, long PilotLeftoverFen = 0,
    IReadOnlyDictionary<FundSource, long>? PilotLeftoverBySource = null)
{
    public IReadOnlyDictionary<FundSource, long> Leftovers => PilotLeftoverBySource
        ?? (PilotLeftoverFen > 0 ? new Dictionary<FundSource, long> { [FundSource.CityBudget] = PilotLeftoverFen } : new Dictionary<FundSource, long>());
}

/// <summary>One town's share of one source: the formula amount, the pilot money deducted from it, and what the city pays of that source.</summary>
public sealed record SourceShare(FundSource Source, long FormulaFen, long PilotDeductedFen, long CityPaysFen);

/// <summary>One source of the pool across all towns.</summary>
public sealed record SourceTotal(FundSource Source, long PoolFen, long FormulaFen, long PilotDeductedFen, long CityPaysFen);

/// <summary>
/// One row of the worked table: the inputs, each factor's share and the weighted share in parts per million, the amounts in fen (summed over
/// the sources: the floor of the exact shares, the rounding fen it received) and per source (<see cref="BySource"/>).
/// </summary>
public sealed record FormulaRow(
    Guid TownId, string Code, string Name, IReadOnlyDictionary<AllocationFactor, long> Inputs,
    IReadOnlyDictionary<AllocationFactor, long> FactorSharePpm, long WeightedSharePpm,
    long ExactFloorFen, long RemainderFen, long FormulaFen, long PilotLeftoverFen, long PilotDeductedFen, long CityPaysFen,
    IReadOnlyList<SourceShare>? BySource = null);

public sealed record FormulaResult(long PoolFen, IReadOnlyDictionary<AllocationFactor, int> Weights, IReadOnlyDictionary<AllocationFactor, long> Totals,
    IReadOnlyList<FormulaRow> Rows, long FormulaTotalFen, long PilotDeductedTotalFen, long CityPaysTotalFen, IReadOnlyList<SourceTotal> Sources);

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

    /// <summary>One source's pool: the formula for a pool of city budget money (the single-source form).</summary>
    public static FormulaResult Allocate(long poolFen, IReadOnlyDictionary<AllocationFactor, int> weights, IReadOnlyList<FormulaTown> towns) =>
        Allocate([new SourceAmountFen(FundSource.CityBudget, poolFen)], weights, towns);

    /// <summary>
    /// R-FD-03: each town's amount of each source = that source's pool × Σ weight × town's input / all towns' input, computed exactly in
    /// integers; per source, the fen lost by rounding down go one each to the largest remainders (ties by town code), so each source's amounts
    /// sum to its pool exactly (R-FD-01: the amounts keep their source) and the town's amount is the sum over the sources. R-FD-02, R-FD-09:
    /// a pilot town's unspent pilot money is deducted from what the city pays, from the pilot money's own source first, then from the
    /// town's other sources in the order given. Weights are whole percentages summing to 100; the caller has checked them and the sources.
    /// </summary>
    public static FormulaResult Allocate(IReadOnlyList<SourceAmountFen> pools, IReadOnlyDictionary<AllocationFactor, int> weights, IReadOnlyList<FormulaTown> towns)
    {
        if (weights.Values.Sum() != 100) throw new ArgumentException("weights must sum to 100", nameof(weights));
        if (pools.Count == 0 || pools.Select(p => p.Source).Distinct().Count() != pools.Count || pools.Any(p => p.AmountFen < 0))
            throw new ArgumentException("one non-negative amount per source", nameof(pools));
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
        // Per source: floors, and the rounding fen by largest remainder.
        var floors = new long[pools.Count][];
        var extras = new long[pools.Count][];
        for (var s = 0; s < pools.Count; s++)
        {
            var pool = pools[s].AmountFen;
            floors[s] = numerators.Select(n => (long)(pool * n / den)).ToArray();
            var rems = numerators.Select(n => pool * n % den).ToArray();
            var left = pool - floors[s].Sum();
            extras[s] = new long[towns.Count];
            foreach (var i in Enumerable.Range(0, towns.Count).OrderByDescending(i => rems[i]).ThenBy(i => towns[i].Code, StringComparer.Ordinal).Take((int)left))
                extras[s][i] = 1;
        }
        var rows = towns.Select((t, i) =>
        {
            var amounts = Enumerable.Range(0, pools.Count).Select(s => floors[s][i] + extras[s][i]).ToArray();
            var formula = amounts.Sum();
            var leftovers = t.Leftovers;
            var leftover = Math.Max(leftovers.Values.Where(v => v > 0).Sum(), 0);
            var deduct = new long[pools.Count];
            var toDeduct = Math.Min(leftover, formula);
            // The pilot money's own source first, then whatever else the town receives.
            for (var s = 0; s < pools.Count && toDeduct > 0; s++)
            {
                var d = Math.Min(Math.Min(Math.Max(leftovers.GetValueOrDefault(pools[s].Source), 0), amounts[s]), toDeduct);
                deduct[s] += d;
                toDeduct -= d;
            }
            for (var s = 0; s < pools.Count && toDeduct > 0; s++)
            {
                var d = Math.Min(amounts[s] - deduct[s], toDeduct);
                deduct[s] += d;
                toDeduct -= d;
            }
            var deducted = deduct.Sum();
            var bySource = Enumerable.Range(0, pools.Count).Select(s => new SourceShare(pools[s].Source, amounts[s], deduct[s], amounts[s] - deduct[s])).ToList();
            return new FormulaRow(t.TownId, t.Code, t.Name, used.ToDictionary(f => f, f => t.Inputs.GetValueOrDefault(f)),
                used.ToDictionary(f => f, f => (long)(t.Inputs.GetValueOrDefault(f) * (BigInteger)1_000_000 / totals[f])),
                (long)(numerators[i] * 1_000_000 / den), Enumerable.Range(0, pools.Count).Sum(s => floors[s][i]),
                Enumerable.Range(0, pools.Count).Sum(s => extras[s][i]), formula, leftover, deducted, formula - deducted, bySource);
        }).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var sources = pools.Select((p, s) => new SourceTotal(p.Source, p.AmountFen, rows.Sum(r => r.BySource![s].FormulaFen),
            rows.Sum(r => r.BySource![s].PilotDeductedFen), rows.Sum(r => r.BySource![s].CityPaysFen))).ToList();
        return new FormulaResult(pools.Sum(p => p.AmountFen), used.ToDictionary(f => f, f => weights[f]), totals, rows, rows.Sum(r => r.FormulaFen),
            rows.Sum(r => r.PilotDeductedFen), rows.Sum(r => r.CityPaysFen), sources);
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

    /// <summary>The programme whose earmarked money an account holds (R-FD-09); null for the city's fund, ring-fenced and technical accounts.</summary>
    public static FundProgramme? ProgrammeOf(AccountKind k) => k switch
    {
        AccountKind.TownMicroProject or AccountKind.TownPilot or AccountKind.VillageMicroProject or AccountKind.VillagePilot => FundProgramme.MicroProject,
        AccountKind.TownWishFund => FundProgramme.MicroWish,
        _ => null,
    };

    public static bool IsVillageAccount(AccountKind k) => k is AccountKind.VillageMicroProject or AccountKind.VillagePilot;

    /// <summary>
    /// R-FD-05, R-FD-07, R-ST-10: which accounts may pay which targets, or why not. Projects and station items are paid from the village's
    /// dedicated 微实事 money (its account or its pilot money), never the town's (<c>village_account_required</c>); wishes from the town's
    /// 微心愿 fund; ring-fenced purchased-service money pays purchased services only; a purchased service names what was bought.
    /// </summary>
    public static string? PaymentRefusal(AccountKind from, PaymentTarget target) => (from, target) switch
    {
        (_, PaymentTarget.PurchasedService) => "target_required",
        (AccountKind.PurchasedService, PaymentTarget.StationItem or PaymentTarget.ContractInstalment) => null,
        (_, PaymentTarget.ContractInstalment) => "ring_fenced_required",
        (AccountKind.PurchasedService, _) => "ring_fenced",
        (AccountKind.VillageMicroProject or AccountKind.VillagePilot, PaymentTarget.Project or PaymentTarget.StationItem) => null,
        (AccountKind.TownMicroProject or AccountKind.TownPilot, PaymentTarget.Project or PaymentTarget.StationItem) => "village_account_required",
        (AccountKind.TownWishFund, PaymentTarget.Wish) => null,
        _ => "wrong_account",
    };

    /// <summary>
    /// R-FD-07, R-FD-09, R-FD-02: why money may not move from one account to another, or null when it may. Ring-fenced money moves only
    /// between ring-fenced accounts; a village's dedicated money does not move on (a wrong transfer is corrected by reversing it); pilot money
    /// goes only to the villages, where it stays pilot money; 微实事 and 微心愿 money do not mix; nothing is transferred into the city's fund
    /// or a pilot account except by a reversal.
    /// </summary>
    public static string? TransferRefusal(AccountKind from, AccountKind to)
    {
        if (from is AccountKind.External or AccountKind.Expenditure || to is AccountKind.External or AccountKind.Expenditure) return "wrong_account";
        if ((from == AccountKind.PurchasedService) != (to == AccountKind.PurchasedService)) return "ring_fenced";
        if (IsVillageAccount(from)) return "village_account_out";
        if (from == AccountKind.TownPilot && !IsVillageAccount(to)) return "pilot_stays_pilot";
        if (ProgrammeOf(from) is { } a && ProgrammeOf(to) is { } b && a != b) return "cross_programme";
        if (to is AccountKind.CityProgramme or AccountKind.TownPilot) return "wrong_account";
        if (to == AccountKind.VillagePilot && from != AccountKind.TownPilot) return "wrong_account";
        return null;
    }

    /// <summary>R-FD-07: ring-fenced money moves only to another ring-fenced account (and see <see cref="TransferRefusal"/>).</summary>
    public static bool TransferAllowed(AccountKind from, AccountKind to) => TransferRefusal(from, to) is null;

    /// <summary>Words that name an expert-review or evaluation fee in a payment's description (R-FD-08).</summary>
    public static readonly IReadOnlyList<string> ReviewFeeWords = ["评审费", "评估费"];

    /// <summary>
    /// R-FD-08 (002 §八(二)): fees for expert reviews and for evaluations by third parties or experts are paid by the same level's finance,
    /// not from the programme's money: a payment declared as one, or described as one, is not the programme's to make.
    /// </summary>
    public static bool IsReviewOrEvaluationFee(PaymentPurpose? purpose, string? description) =>
        purpose is PaymentPurpose.ExpertReview or PaymentPurpose.ThirdPartyEvaluation
        || (description is not null && ReviewFeeWords.Any(w => description.Contains(w, StringComparison.Ordinal)));
}
