using System.Text.Json;

namespace Guanjia.Domain.MicroProjects;

/// <summary>资金投入, split three ways in fen: the programme's fund, the village collective, society (R-MS-13).</summary>
public sealed record MoneySplit(long? ProgrammeFen, long? VillageFen, long? SocialFen)
{
    public long Total => (ProgrammeFen ?? 0) + (VillageFen ?? 0) + (SocialFen ?? 0);
}

/// <summary>便民工程 on the completion form: what was built, its unit, planned and actual quantity.</summary>
public sealed record WorksSection(string? Content, string? Unit, decimal? PlannedQuantity, decimal? ActualQuantity);

/// <summary>公益服务 on the completion form: when, where, how many took part.</summary>
public sealed record ServiceSection(string? Time, string? Place, int? Participants);

/// <summary>
/// The completion form (结项表, 003 attachment 2) as filed: one type that the workflow checks, the documents print, the
/// API returns and the page shows (R-MS-13). Stored as JSON on the project and read back only through <see cref="Parse"/>.
/// </summary>
public sealed record CompletionForm(
    DateOnly? PeriodFrom, DateOnly? PeriodTo, string? Beneficiaries, int? BeneficiaryCount, MoneySplit? Budgeted, MoneySplit? Actual,
    WorksSection? Works, ServiceSection? Service, IReadOnlyList<Guid>? OutcomePhotoIds, bool? Tendered)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The stored form (names match case-insensitively, so forms stored before it had a type read the same).</summary>
    public static CompletionForm? Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<CompletionForm>(json, Json);
}
