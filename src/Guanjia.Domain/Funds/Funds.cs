using Guanjia.Domain.Common;

namespace Guanjia.Domain.Funds;

/// <summary>R-FD-01: where money comes from; every ledger line keeps its source.</summary>
public enum FundSource
{
    CityBudget = 1,
    WelfareLottery = 2,
    CharityFederation = 3,
    TownMatching = 4,
    VillageCollective = 5,
    SocialDonation = 6,
}

/// <summary>
/// The accounts of the programme. The first six hold money (they may not go below zero per source); External
/// (money entering from a source) and Expenditure (money paid out) are the other sides of receipts and payments,
/// so every entry balances and the sum over all accounts is always zero (R-FD-06).
/// </summary>
public enum AccountKind
{
    /// <summary>The city's 民生大莞家 programme fund (市专项资金).</summary>
    CityProgramme = 1,
    /// <summary>The town's 微实事 money from the city and its matching, before it goes to the villages.</summary>
    TownMicroProject = 2,
    /// <summary>The one-off pilot money (R-FD-02); its balance when the allocation is committed is deducted.</summary>
    TownPilot = 3,
    /// <summary>The town charity's special fund for 微心愿, or a town finance account until the charity exists (R-FD-05).</summary>
    TownWishFund = 4,
    /// <summary>The village's (community's) dedicated 微实事 account (R-FD-05).</summary>
    VillageMicroProject = 5,
    /// <summary>Ring-fenced purchased-service money: pays purchased services and nothing else (R-FD-07).</summary>
    PurchasedService = 6,
    External = 7,
    Expenditure = 8,
    /// <summary>
    /// A pilot town's village's pilot money (R-FD-09, ADR 0018): what the town passed on from its pilot account, still pilot money until
    /// spent; its balance is deducted with the town's at the next 微实事 allocation. Part of the village's dedicated 微实事 money (R-FD-05).
    /// </summary>
    VillagePilot = 9,
}

public enum FundProgramme { MicroProject = 1, MicroWish = 2 }

/// <summary>
/// Adjustment: the city's correction of a committed allocation (R-FD-03); PilotSettlement: at a 微实事 allocation, the pilot money
/// deducted stops being pilot money where it is (R-FD-02, R-FD-09). Neither is reversed: both are the city's decisions.
/// </summary>
public enum EntryKind { Receipt = 1, Matching = 2, PilotGrant = 3, Allocation = 4, Transfer = 5, Payment = 6, Reversal = 7, Adjustment = 8, PilotSettlement = 9 }

/// <summary>
/// What a payment pays for (R-FD-06). A purchased service is paid against what was bought: a station item (R-ST-10) or, when the
/// purchasing module lands, a contract (a new value here, its id in <c>TargetId</c>). <see cref="PurchasedService"/> without a target is
/// how payments were recorded before (a free-text payee): kept for those entries, refused for new ones. A purchase contract is paid by its
/// instalments (<see cref="ContractInstalment"/>, R-FD-07, R-PS-06), on the contract's page.
/// </summary>
public enum PaymentTarget { Project = 1, Wish = 2, PurchasedService = 3, StationItem = 4, ContractInstalment = 5 }

/// <summary>What a payment is for, as the payer declares it; expert-review and evaluation fees are not the programme's (R-FD-08).</summary>
public enum PaymentPurpose { Delivery = 1, ExpertReview = 2, ThirdPartyEvaluation = 3 }

/// <summary>An amount of one source: of an allocation's pool, of a town's share, of an adjustment.</summary>
public sealed record SourceAmountFen(FundSource Source, long AmountFen);

public sealed class FundAccount : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public AccountKind Kind { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? TownId { get; set; }
    public required string Name { get; set; }
    public required string ScopePath { get; set; }

    /// <summary>For External accounts: the source they stand for.</summary>
    public FundSource? Source { get; set; }

    /// <summary>One account per organisation and slot: the kind, and for External accounts the source.</summary>
    public required string Slot { get; set; }

    public static string SlotOf(AccountKind kind, FundSource? source) => source is { } s ? $"{kind}:{s}" : kind.ToString();

    /// <summary>The sum of the account's ledger lines, kept with them in the same save; its version serialises payments.</summary>
    public long BalanceFen { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    public bool HoldsMoney => Kind is not (AccountKind.External or AccountKind.Expenditure);
    public bool IsRingFenced => Kind == AccountKind.PurchasedService;
}

/// <summary>One ledger entry (资金发放台账的一笔): never changed; a correction is a reversing entry (R-FD-06).</summary>
public sealed class LedgerEntry : IScoped
{
    public Guid Id { get; set; }
    public EntryKind Kind { get; set; }
    public int Year { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Description { get; set; }
    public string? Reference { get; set; }
    public string? Payee { get; set; }
    public PaymentTarget? TargetKind { get; set; }
    public Guid? TargetId { get; set; }

    /// <summary>The entry this one reverses; unique, so an entry is reversed at most once.</summary>
    public Guid? ReversesId { get; set; }

    /// <summary>The total moved: the sum of the debit lines.</summary>
    public long AmountFen { get; set; }
    public required string ScopePath { get; set; }
    public Guid? ById { get; set; }
    public string? ByName { get; set; }
}

/// <summary>A line of an entry: positive debits, negative credits; the lines of an entry sum to zero.</summary>
public sealed class LedgerLine : IScoped
{
    public Guid Id { get; set; }
    public Guid EntryId { get; set; }
    public Guid AccountId { get; set; }
    public FundSource Source { get; set; }
    public long AmountFen { get; set; }
    public int Year { get; set; }
    public PaymentTarget? TargetKind { get; set; }
    public Guid? TargetId { get; set; }
    public required string ScopePath { get; set; }
}

/// <summary>The one-off pilot money of a pilot town (R-FD-02): one row per town, ever.</summary>
public sealed class PilotGrant : IScoped
{
    public Guid TownId { get; set; }
    public int Year { get; set; }
    public long AmountFen { get; set; }
    public Guid EntryId { get; set; }
    public required string ScopePath { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
}

/// <summary>The city's figures for a town in a year that the allocation formula reads (R-FD-03).</summary>
public sealed class TownFactors : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid TownId { get; set; }
    public int Year { get; set; }
    public required string ScopePath { get; set; }
    public long VillageCount { get; set; }
    public long AreaHectares { get; set; }

    /// <summary>Economic output (GDP) in 万元; also the 微心愿 "economic strength".</summary>
    public long OutputWan { get; set; }
    public long Population { get; set; }

    /// <summary>Need for assistance, e.g. people in difficulty on the town's rolls.</summary>
    public long NeedCount { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A committed allocation (R-FD-03): its pool and the sources it is drawn from (R-FD-01), weights and worked table; one per year and
/// programme, never changed afterwards: a correction is an <see cref="AllocationAdjustment"/>.
/// </summary>
public sealed class AllocationRun : IScoped
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public FundProgramme Programme { get; set; }

    /// <summary>The pool per source, as JSON <c>[{"Source":"CityBudget","AmountFen":…}]</c>; <see cref="PoolFen"/> is their sum.</summary>
    public required string SourcesJson { get; set; }
    public long PoolFen { get; set; }
    public required string WeightsJson { get; set; }
    public required string TableJson { get; set; }
    public required string ScopePath { get; set; }
    public DateTimeOffset CommittedAt { get; set; }
    public string? ByName { get; set; }
}

/// <summary>
/// The city's correction of one town's committed allocation (R-FD-03): the town's amount per source before and after (what the city pays),
/// the reason, and the ledger entry that moved the difference. The run stays as committed.
/// </summary>
public sealed class AllocationAdjustment : IScoped
{
    public Guid Id { get; set; }
    public Guid RunId { get; set; }
    public int Year { get; set; }
    public FundProgramme Programme { get; set; }
    public Guid TownId { get; set; }

    /// <summary>The town's path: the town sees its adjustments.</summary>
    public required string ScopePath { get; set; }

    /// <summary>Per source, as JSON like <see cref="AllocationRun.SourcesJson"/>.</summary>
    public required string BeforeJson { get; set; }
    public required string AfterJson { get; set; }
    public long BeforeFen { get; set; }
    public long AfterFen { get; set; }
    public required string Reason { get; set; }
    public Guid EntryId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ByName { get; set; }
}

public static class FundNames
{
    public static string Zh(FundSource s) => s switch
    {
        FundSource.CityBudget => "市财政资金",
        FundSource.WelfareLottery => "福彩关爱基金",
        FundSource.CharityFederation => "市慈善会资金",
        FundSource.TownMatching => "镇（街道）配套资金",
        FundSource.VillageCollective => "村（社区）集体资金",
        FundSource.SocialDonation => "社会捐赠",
        _ => s.ToString(),
    };

    /// <summary>
    /// An account's name as people write it: the holder's name and the fund, without the level the kind's generic name starts
    /// with (东莞市“民生大莞家”专项资金, not 东莞市市“…”; 东城街道“民生微实事”专项资金, not 东城街道镇（街道）“…”; issue 17 point 8).
    /// </summary>
    public static string Of(string holder, AccountKind kind)
    {
        var generic = Zh(kind);
        foreach (var level in new[] { "镇（街道）", "村（社区）", "市" })
            if (generic.StartsWith(level, StringComparison.Ordinal)) return holder + generic[level.Length..];
        return holder + generic;
    }

    public static string Zh(AccountKind k) => k switch
    {
        AccountKind.CityProgramme => "市“民生大莞家”专项资金",
        AccountKind.TownMicroProject => "镇（街道）“民生微实事”专项资金",
        AccountKind.TownPilot => "镇（街道）试点经费",
        AccountKind.TownWishFund => "“民生微心愿”专项基金",
        AccountKind.VillageMicroProject => "村（社区）“民生微实事”专用账户",
        AccountKind.PurchasedService => "购买服务专项资金",
        AccountKind.VillagePilot => "村（社区）试点经费（民生微实事）",
        AccountKind.External => "资金来源",
        AccountKind.Expenditure => "支出",
        _ => k.ToString(),
    };
}
