using System.Security.Cryptography;
using System.Text;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;

namespace Guanjia.Domain.Appeals;

public enum CollectionKind { Daily = 1, Concentrated = 2 }

public enum AppealState
{
    /// <summary>Entered and dispatched to its village; waiting for the village to acknowledge (R-MS-02).</summary>
    Dispatched = 1,
    /// <summary>Acknowledged; waiting for the two-committee meeting (R-MS-03).</summary>
    Acknowledged = 2,
    /// <summary>The committee turned it into a micro-project; the project carries on.</summary>
    BecameProject = 3,
    /// <summary>Current policy resolves it; handed to the responsible department (R-IN-05).</summary>
    ReferredToPolicy = 4,
    /// <summary>Not a programme item; the reason was sent to the appellant.</summary>
    NotAccepted = 5,
    /// <summary>An individual's need: the town verifies and handles it as a 民生微心愿.</summary>
    BecameWish = 6,
}

/// <summary>What the two-committee joint meeting decided (R-MS-03).</summary>
public enum CommitteeOutcome { MicroProject = 1, PolicyReferral = 2, NotAccepted = 3, MicroWish = 4 }

/// <summary>An appeal from any channel (R-IN-01, R-IN-04), dispatched to the village of its location.</summary>
public sealed class Appeal : IScoped, IVersioned
{
    public Guid Id { get; set; }

    /// <summary>Public number the appellant tracks it with; not guessable.</summary>
    public required string TrackingNumber { get; set; }
    public Channel Channel { get; set; }

    /// <summary>The work-order number of an integration such as 12345; one appeal per number.</summary>
    public string? ExternalRef { get; set; }
    public CollectionKind Collection { get; set; }
    public int? CollectionYear { get; set; }
    public Guid? CampaignId { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public ProjectCategory? Category { get; set; }

    /// <summary>Exact address; personal when it names a home, so never published.</summary>
    [Sensitive] public string? Address { get; set; }
    [Sensitive] public string? AppellantName { get; set; }
    [Sensitive] public string? AppellantPhone { get; set; }

    /// <summary>SHA-256 of tracking number + last four digits of the phone: tracking works without keeping the digits apart.</summary>
    [Sensitive] public string? TrackingKeyHash { get; set; }
    public Guid VillageId { get; set; }
    public Guid TownId { get; set; }
    public required string ScopePath { get; set; }
    public AppealState State { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>yyyyMM of the local (Beijing) date received, so statistics group by month in an index.</summary>
    public int ReceivedMonth { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public CommitteeOutcome? Outcome { get; set; }
    public string? DecisionNote { get; set; }
    public string? PolicyDepartment { get; set; }
    public string? PolicyContact { get; set; }
    public Guid? MicroProjectId { get; set; }
    public Guid? MicroWishId { get; set; }
    public int RulesVersion { get; set; }
    public Guid? CreatedById { get; set; }
    public string? CreatedByName { get; set; }
    public int Version { get; set; }

    public static string TrackingKey(string trackingNumber, string last4) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{trackingNumber.ToUpperInvariant()}|{last4}")));
}

/// <summary>The appeal's own steps, before it becomes a project: one table (R-MS-02, R-MS-03).</summary>
public static class AppealWorkflow
{
    public sealed record Step(string Action, AppealState From, AppealState[] To, string Permission, string[] Meets, string Zh);

    public static readonly IReadOnlyList<Step> Steps =
    [
        new("Acknowledge", AppealState.Dispatched, [AppealState.Acknowledged], Accounts.Permissions.ProjectsVillage,
            [Deadlines.Obligations.Acknowledge], "村（社区）接收并反馈接收情况"),
        new("RecordCommitteeDecision", AppealState.Acknowledged,
            [AppealState.BecameProject, AppealState.ReferredToPolicy, AppealState.NotAccepted, AppealState.BecameWish], Accounts.Permissions.ProjectsVillage,
            [Deadlines.Obligations.CommitteeMeeting], "召开“两委”联席会议，初步确认办理方式"),
    ];

    public static Step Get(string action) => Steps.Single(s => s.Action == action);
}
