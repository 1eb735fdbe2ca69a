using Guanjia.Domain.Common;

namespace Guanjia.Domain.MicroProjects;

/// <summary>A town's concentrated collection for a plan year (R-IN-02), open until the end of January.</summary>
public sealed class CollectionCampaign : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid TownId { get; set; }
    public int Year { get; set; }
    public required string ScopePath { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? Note { get; set; }

    /// <summary>R-IN-02: why a campaign opened after the end of January.</summary>
    public string? LateReason { get; set; }
    public int Version { get; set; }
}

public enum PlanState { Draft = 1, Filed = 2 }

/// <summary>The town's 年度"民生微实事"项目实施计划表 (R-MS-17).</summary>
public sealed class AnnualPlan : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid TownId { get; set; }
    public int Year { get; set; }
    public required string ScopePath { get; set; }
    public PlanState State { get; set; }
    public long AllocationFen { get; set; }
    public long PlannedFen { get; set; }
    public long AdjustedFen { get; set; }
    public DateTimeOffset? FiledAt { get; set; }
    public string? StampNote { get; set; }

    /// <summary>R-MS-17 is "in principle": a plan below the city's allocation says why.</summary>
    public string? BelowAllocationReason { get; set; }
    public int Version { get; set; }
}

public enum PlanFunding { Allocation = 1, MatchingFund = 2 }

/// <summary>A project in the plan; an adjustment after filing is paid from matching funds and reported to the city.</summary>
public sealed class AnnualPlanItem : IScoped
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public Guid ProjectId { get; set; }
    public required string ScopePath { get; set; }
    public long BudgetFen { get; set; }
    public PlanFunding Funding { get; set; }

    /// <summary>The part beyond the city's allocation, paid from the town's matching funds (R-MS-17).</summary>
    public long MatchingFen { get; set; }
    public bool IsAdjustment { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset? ReportedToCityAt { get; set; }
}

/// <summary>The city's yearly 微实事 and 微心愿 money for a town; the funds module (R-FD) builds on it.</summary>
public sealed class TownAllocation : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid TownId { get; set; }
    public int Year { get; set; }
    public required string ScopePath { get; set; }
    public long MicroProjectFen { get; set; }
    public long MicroWishFen { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}
