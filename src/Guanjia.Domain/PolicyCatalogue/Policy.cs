using Guanjia.Domain.Common;

namespace Guanjia.Domain.PolicyCatalogue;

/// <summary>
/// One entry of the 现行民生保障政策清单 (R-IN-05): what a current policy covers and who handles it. What
/// a policy can resolve goes to its department; the programme funds only what no policy resolves.
/// </summary>
public sealed class Policy : IVersioned
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Department { get; set; }
    public Guid? DepartmentOrgId { get; set; }
    public required string Contact { get; set; }
    public required string Covers { get; set; }

    /// <summary>Comma-separated words that suggest the policy for an appeal (低保, 残疾, 助学, …).</summary>
    public required string Keywords { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public IEnumerable<string> KeywordList => Keywords.Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>How many of the policy's keywords the text contains; 0 means no suggestion.</summary>
    public int MatchScore(string text) => KeywordList.Count(k => text.Contains(k, StringComparison.Ordinal));
}

public enum ReferralState { Referred = 1, Accepted = 2, Resolved = 3, NotResolved = 4 }

/// <summary>
/// An item handed to a department under a current policy (R-IN-05, R-MS-09): the referral, the
/// department's handling and its result are tracked, and the result is fed back to the appellant.
/// </summary>
public sealed class PolicyReferral : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid AppealId { get; set; }
    public required string SubjectType { get; set; }
    public Guid SubjectId { get; set; }
    public required string SubjectRef { get; set; }
    public required string ScopePath { get; set; }
    public Guid? PolicyId { get; set; }
    public required string Department { get; set; }
    public required string Contact { get; set; }
    public ReferralState State { get; set; }
    public DateTimeOffset ReferredAt { get; set; }
    public string? ReferredBy { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? Handler { get; set; }
    public DateTimeOffset? ResultAt { get; set; }
    public string? Result { get; set; }
    public int Version { get; set; }
}
