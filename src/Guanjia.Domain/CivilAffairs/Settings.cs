namespace Guanjia.Domain.CivilAffairs;

/// <summary>One category a person can be in (低保, 特困 …): the built-in ones of issue 13 and those the city adds.</summary>
public sealed record CategoryDefinition(string Code, string Zh, string En, bool HasGrade = false, bool BuiltIn = false);

/// <summary>The local 低保 standard of a year, per person per month, in fen.</summary>
public sealed record SubsistenceStandard(int Year, long MonthlyFen);

/// <summary>
/// The casework's numbers and lists as configuration the city keeps (ADR 0023): the category list, how many months
/// without a home visit raise a flag, the working days for a re-assessment after a sudden change, the 低保 standard per
/// year and the low-income line as a percentage of it.
/// </summary>
public sealed record CaseworkSettings
{
    public const string ExtremelyPoorDispersed = "ExtremelyPoorDispersed";
    public const string ExtremelyPoorConcentrated = "ExtremelyPoorConcentrated";
    public const string Subsistence = "Subsistence";
    public const string LowIncome = "LowIncome";
    public const string Disabled = "Disabled";

    public static readonly IReadOnlyList<CategoryDefinition> BuiltInCategories =
    [
        new(Subsistence, "低保对象", "Subsistence allowance (dibao)", BuiltIn: true),
        new(LowIncome, "低保边缘/低收入", "Marginal / low income", BuiltIn: true),
        new(ExtremelyPoorDispersed, "特困人员（分散供养）", "Extremely poor, dispersed support", BuiltIn: true),
        new(ExtremelyPoorConcentrated, "特困人员（集中供养）", "Extremely poor, institutional support", BuiltIn: true),
        new("Orphan", "孤儿", "Orphan", BuiltIn: true),
        new("DeFactoUnattendedChild", "事实无人抚养儿童", "Child de facto without carer", BuiltIn: true),
        new("ChildInDifficulty", "困境儿童", "Child in difficulty", BuiltIn: true),
        new("LeftBehindChild", "留守儿童", "Left-behind child", BuiltIn: true),
        new(Disabled, "残疾人", "Person with disability", HasGrade: true, BuiltIn: true),
        new("OldestOld", "高龄老人", "Oldest old", BuiltIn: true),
        new("Widowed", "孤寡老人", "Elderly without family", BuiltIn: true),
        new("LivingAlone", "独居老人", "Elderly living alone", BuiltIn: true),
        new("EmptyNest", "空巢老人", "Empty-nest elderly", BuiltIn: true),
        new("ElderlyInHardship", "困难老人", "Elderly in hardship", BuiltIn: true),
        new("VeteranInHardship", "困难退役军人", "Veteran in hardship", BuiltIn: true),
        new("RetiredWorkerInHardship", "退休困难老职工", "Retired worker in hardship", BuiltIn: true),
        new("YouthInDifficulty", "困境青少年", "Youth in difficulty", BuiltIn: true),
    ];

    /// <summary>Categories the city adds to the built-in ones.</summary>
    public IReadOnlyList<CategoryDefinition> ExtraCategories { get; init; } = [];

    /// <summary>R-CA-08 says visits are mostly at home: a person with no home visit for this many months is flagged.</summary>
    public int NoHomeVisitMonths { get; init; } = 2;

    /// <summary>R-CA-07: a sudden change recorded in a visit opens a re-assessment due within this many working days.</summary>
    public int ReassessmentWorkingDays { get; init; } = 10;

    /// <summary>The low-income line (低保边缘) as a percentage of the 低保 standard; Guangdong's practice is 1.5 times.</summary>
    public int LowIncomePercent { get; init; } = 150;

    /// <summary>Dongguan's 低保 standard per person per month (a default; the city saves the year's figure).</summary>
    public IReadOnlyList<SubsistenceStandard> SubsistenceStandards { get; init; } =
        [new(2024, 138_000), new(2025, 138_000), new(2026, 140_000)];

    public IReadOnlyList<CategoryDefinition> Categories => [.. BuiltInCategories, .. ExtraCategories];

    public CategoryDefinition? Category(string? code) => Categories.FirstOrDefault(c => c.Code == code);

    /// <summary>The standard in force in a year: that year's, else the latest earlier one.</summary>
    public long? StandardFor(int year) =>
        SubsistenceStandards.Where(s => s.Year <= year).OrderByDescending(s => s.Year).Select(s => (long?)s.MonthlyFen).FirstOrDefault();
}
